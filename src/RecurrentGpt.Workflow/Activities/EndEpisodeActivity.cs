using Microsoft.DurableTask;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Scheduling;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Activities;

/// <summary>
/// A serial completed an episode: it now waits, counts the episode as published, and its next episode is put into the
/// due-work index at the schedule's next occurrence after now (so a host that was down catches up once, not per missed
/// period). Idempotent: the due time is kept in the state row, so a re-run schedules the same entry again.
/// </summary>
[DurableTask(WorkflowNames.EndEpisode)]
public sealed class EndEpisodeActivity(StoryStateUpdater updater, StoryCatalogue catalogue, DueWorkIndex due, TimeProvider time)
    : TaskActivity<StepRef, StoryProgress>
{
    public override async Task<StoryProgress> RunAsync(TaskActivityContext context, StepRef next)
    {
        DateTimeOffset now = time.GetUtcNow();
        StoryState state = await updater.UpdateAsync(next.StoryId, current =>
            current.Step + 1 == next.Step && SerialCalendar.EndsEpisode(current)
                ? current with
                {
                    Status = StoryStatus.AwaitingEpisode,
                    Episode = current.Episode + 1,
                    NextEpisodeAt = SerialCalendar.NextEpisodeAfter(current.Serial!, now),
                }
                : null,
            CancellationToken.None);

        if (state.Status == StoryStatus.AwaitingEpisode && state.Step + 1 == next.Step && state.NextEpisodeAt is { } dueAt)
        {
            await due.ScheduleAsync(new DueWork(dueAt, next.StoryId, DueWorkKind.Episode, next.Step), CancellationToken.None);
            await catalogue.UpsertAsync(StorySummaries.Of(state), CancellationToken.None);
        }

        return StoryProgress.Of(state);
    }
}
