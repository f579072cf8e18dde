using Microsoft.DurableTask.Client;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Engine;
using RecurrentGpt.Workflow.Refusals;

namespace RecurrentGpt.Workflow.Stories;

/// <summary>
/// Pause, resume, cancel and retry: the engine's own suspend, resume and terminate, and the Retry event, kept consistent
/// with the state row that every reader sees.
/// </summary>
public sealed class StoryControl(StoryStateUpdater updater, StoryCatalogue catalogue, ChoiceDeadlines deadlines, StoryStarter starter, IDurableClientSource engine)
{
    public async Task<ControlOutcome> PauseAsync(string storyId, CancellationToken cancellationToken)
    {
        StoryState state = StoryRefusals.RequireUnfinished(await updater.GetAsync(storyId, cancellationToken));
        OrchestrationMetadata? instance = await engine.Client.GetInstanceAsync(storyId, cancellationToken);
        if (instance is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending })
        {
            await engine.Client.SuspendInstanceAsync(storyId, "paused through the API", cancellationToken);
        }

        return new ControlOutcome(state.StoryId, "pause", StoryStatus.Paused);
    }

    public async Task<ControlOutcome> ResumeAsync(string storyId, CancellationToken cancellationToken)
    {
        StoryState state = StoryRefusals.RequireUnfinished(await updater.GetAsync(storyId, cancellationToken));
        OrchestrationMetadata? instance = await engine.Client.GetInstanceAsync(storyId, cancellationToken);
        if (instance is null || instance.IsCompleted)
        {
            // No live instance (purged, or ended without finishing the story): start one; the state row says where it stands.
            await starter.ScheduleAsync(storyId, cancellationToken);
        }
        else if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Suspended)
        {
            await engine.Client.ResumeInstanceAsync(storyId, "resumed through the API", cancellationToken);
        }

        if (state.Status == StoryStatus.Paused)
        {
            // Paused by a choice deadline: the instance still waits for the choice; the wait is simply open again.
            state = await updater.UpdateAsync(storyId, current => current.Status == StoryStatus.Paused ? current with { Status = StoryStatus.AwaitingChoice } : null, cancellationToken);
            await catalogue.UpsertAsync(StorySummaries.Of(state), cancellationToken);
            await deadlines.ScheduleAsync(state, cancellationToken);
        }

        return new ControlOutcome(storyId, "resume", state.Status);
    }

    public async Task<ControlOutcome> CancelAsync(string storyId, CancellationToken cancellationToken)
    {
        StoryState state = await updater.GetAsync(storyId, cancellationToken);
        if (state.Status == StoryStatus.Completed)
        {
            throw StoryRefusals.Finished(state);
        }

        // The state row first: a step still in flight when the instance stops then sees the story cancelled and keeps it so.
        state = await updater.UpdateAsync(storyId, current => StoryLifecycle.HasEnded(current.Status) ? null : current with { Status = StoryStatus.Cancelled }, cancellationToken);
        await catalogue.UpsertAsync(StorySummaries.Of(state), cancellationToken);
        OrchestrationMetadata? instance = await engine.Client.GetInstanceAsync(storyId, cancellationToken);
        if (instance is { IsCompleted: false })
        {
            await engine.Client.TerminateInstanceAsync(storyId, (object)"cancelled through the API", cancellationToken);
        }

        return new ControlOutcome(storyId, "cancel", state.Status);
    }

    /// <summary>
    /// The state row says writing before the Retry event is raised, so no reader sees "needs attention" after the retry
    /// was answered (the instance would only say writing once its retried activity runs). The change is guarded by the
    /// status: a row that no longer needs attention is left as it is; if the event cannot be raised, the row goes back.
    /// </summary>
    public async Task<ControlOutcome> RetryAsync(string storyId, CancellationToken cancellationToken)
    {
        StoryState state = StoryRefusals.RequireUnfinished(await updater.GetAsync(storyId, cancellationToken));
        if (state.Status != StoryStatus.NeedsAttention)
        {
            throw new StoryRefusedException(StoryRefusal.NotNeedingAttention, $"story {storyId} is {Contracts.ContractJson.Name(state.Status)}; retry is for a story that needs attention");
        }

        string? reason = state.AttentionReason;
        StoryState writing = await updater.UpdateAsync(
            storyId, current => current.Status == StoryStatus.NeedsAttention ? current with { Status = StoryStatus.Writing, AttentionReason = null } : null, cancellationToken);
        await catalogue.UpsertAsync(StorySummaries.Of(writing), cancellationToken);
        try
        {
            await engine.Client.RaiseEventAsync(storyId, WorkflowNames.RetryEvent, null, cancellationToken);
        }
        catch
        {
            StoryState back = await updater.UpdateAsync(
                storyId, current => current.Status == StoryStatus.Writing && current.Step == writing.Step ? current with { Status = StoryStatus.NeedsAttention, AttentionReason = reason } : null, CancellationToken.None);
            await catalogue.UpsertAsync(StorySummaries.Of(back), CancellationToken.None);
            throw;
        }

        return new ControlOutcome(storyId, "retry", StoryStatus.Writing);
    }
}
