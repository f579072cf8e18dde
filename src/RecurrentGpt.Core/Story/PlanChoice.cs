using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Writing;

namespace RecurrentGpt.Core.Story;

/// <summary>Row <c>choice-{step:D6}</c>: the plan chosen for a step. The first choice recorded for a step wins.</summary>
public sealed record PlanChoice(int Step, string Plan, PlanChoiceSource Source, int? PlanIndex, DateTimeOffset RecordedAt)
{
    /// <summary>What the human simulator's call cost when it made this choice; null for every other kind of choice.</summary>
    public TokenUsage? Usage { get; init; }

    /// <summary>
    /// Set when this choice asks for the step again: the line whose record of the step is rewritten, from the inputs that
    /// record holds (plan, memory before, recalled memories). Null for a step's first writing.
    /// </summary>
    public LineRef? Regenerates { get; init; }

    /// <summary>Which writing of the step this is: 1 first, 2 and on for each regeneration.</summary>
    public int Take { get; init; } = 1;
}
