using RecurrentGpt.Core.Writing;

namespace RecurrentGpt.Core.Story;

/// <summary>Row <c>choice-{step:D6}</c>: the plan chosen for a step. The first choice recorded for a step wins.</summary>
public sealed record PlanChoice(int Step, string Plan, PlanChoiceSource Source, int? PlanIndex, DateTimeOffset RecordedAt)
{
    /// <summary>What the human simulator's call cost when it made this choice; null for every other kind of choice.</summary>
    public TokenUsage? Usage { get; init; }
}
