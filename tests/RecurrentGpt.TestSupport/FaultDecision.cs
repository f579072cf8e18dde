namespace RecurrentGpt.TestSupport;

/// <summary>What <see cref="FaultyReplies"/> did with one request: the fault injected, or null for a clean answer.</summary>
public readonly record struct FaultDecision(int RequestNumber, FaultKind? Fault)
{
    public bool IsClean => Fault is null;

    public override string ToString() => $"#{RequestNumber}: {Fault?.ToString() ?? "clean"}";
}
