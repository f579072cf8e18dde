using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Core.Writing;

/// <summary>What one step did: its outcome, the memories it recalled and every model exchange.</summary>
public sealed record StepReport(int Step, StepOutcome Outcome, IReadOnlyList<RetrievedMemory> Recalled, IReadOnlyList<ModelExchange> Exchanges);
