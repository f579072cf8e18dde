using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Workflow.Steering;

internal static class StorySummaries
{
    public static StorySummary Of(StoryState state) =>
        new(state.StoryId, state.Title, state.Status, state.Mode, state.ParagraphCount, state.TargetParagraphs, state.UpdatedAt, state.NextEpisodeAt);
}
