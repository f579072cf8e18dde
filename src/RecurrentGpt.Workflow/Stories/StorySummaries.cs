using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;

namespace RecurrentGpt.Workflow.Stories;

internal static class StorySummaries
{
    public static StorySummary Of(StoryState state) =>
        new(state.StoryId, state.Title, state.Status, state.Mode, state.ParagraphCount, state.TargetParagraphs, state.UpdatedAt, state.NextEpisodeAt);
}
