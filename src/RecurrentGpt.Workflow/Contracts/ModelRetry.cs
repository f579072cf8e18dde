namespace RecurrentGpt.Workflow.Contracts;

/// <summary>Attempts of a model-calling activity, and the first delay between them (doubling after each).</summary>
public sealed record ModelRetry(int Attempts, TimeSpan FirstDelay);
