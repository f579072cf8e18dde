using Microsoft.DurableTask;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Activities;

/// <summary>
/// A serial's next episode is due: the story moves from waiting to writing. A story that already moved (a re-run)
/// is left as it is.
/// </summary>
[DurableTask(WorkflowNames.BeginEpisode)]
public sealed class BeginEpisodeActivity(StoryStateUpdater updater, StoryCatalogue catalogue) : TaskActivity<StepRef, StoryProgress>
{
    public override async Task<StoryProgress> RunAsync(TaskActivityContext context, StepRef next)
    {
        StoryState state = await updater.UpdateAsync(next.StoryId, current =>
            current.Step + 1 == next.Step && current.Status == StoryStatus.AwaitingEpisode
                ? current with { Status = StoryStatus.Writing, NextEpisodeAt = null }
                : null,
            CancellationToken.None);
        await catalogue.UpsertAsync(StorySummaries.Of(state), CancellationToken.None);
        return StoryProgress.Of(state);
    }
}
