using RecurrentGpt.Core.Readers;

namespace RecurrentGpt.Workflow.Readers;

/// <summary>A publication and what its readers have done: how many there are, the steps written for them and the tokens those cost.</summary>
public sealed record PublicationActivity(Publication Publication, int Readers, long Steps, long Tokens);
