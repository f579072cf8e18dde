using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Core.Writing;

/// <summary>
/// What step <c>n</c> reads, from the state as the writer may have edited it (memory, plans, outline), the previous
/// paragraph, the memories its plan recalled and the plan itself.
/// </summary>
public static class StepInputs
{
    public static StepRequest For(StoryState state, int step, string previousParagraph, IReadOnlyList<RetrievedMemory> recalled, string plan) =>
        new(state.Premise, state.Title, state.Outline, step, previousParagraph, ShortTermMemory.FromText(state.ShortTermMemory), recalled, plan);

    /// <summary>What the human simulator reads to pick among the plans after <paramref name="latestParagraph"/>.</summary>
    public static PlanChoiceRequest ForChoice(StoryState state, string latestParagraph) =>
        new(state.Premise, state.Outline, latestParagraph, ShortTermMemory.FromText(state.ShortTermMemory), state.Plans);
}
