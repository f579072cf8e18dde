using RecurrentGpt.Core.Story;
using RecurrentGpt.Workflow.Contracts;

namespace RecurrentGpt.Workflow.Refusals;

/// <summary>The refusals several changes share, worded once.</summary>
public static class StoryRefusals
{
    public static StoryRefusedException Finished(StoryState state) =>
        new(StoryRefusal.StoryFinished, $"story {state.StoryId} is {ContractJson.Name(state.Status)}; it takes no more choices or edits");

    /// <summary>Throws <see cref="Finished"/> for a story that has ended; returns it otherwise.</summary>
    public static StoryState RequireUnfinished(StoryState state) =>
        StoryLifecycle.HasEnded(state.Status) ? throw Finished(state) : state;
}
