using Microsoft.DurableTask.Client;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Steering;

namespace RecurrentGpt.Workflow.Api;

/// <summary>
/// Pause, resume, cancel and retry: the engine's own suspend, resume and terminate, and the Retry event, kept consistent
/// with the state row that every reader sees.
/// </summary>
public sealed class StoryControl(StoryStateUpdater updater, StoryCatalogue catalogue, ChoiceDeadlines deadlines)
{
    /// <summary>The status a client sees: the state row's, except that a suspended instance is "paused".</summary>
    public async Task<string> StatusNameAsync(StoryState state, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (state.Status is StoryStatus.Completed or StoryStatus.Cancelled)
        {
            return ApiJson.Name(state.Status);
        }

        OrchestrationMetadata? instance = await client.GetInstanceAsync(state.StoryId, cancellationToken);
        return instance?.RuntimeStatus == OrchestrationRuntimeStatus.Suspended ? ApiJson.Name(StoryStatus.Paused) : ApiJson.Name(state.Status);
    }

    public async Task<ActionView> PauseAsync(string storyId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        StoryState state = await RequireUnfinishedAsync(storyId, cancellationToken);
        OrchestrationMetadata? instance = await client.GetInstanceAsync(storyId, cancellationToken);
        if (instance is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending })
        {
            await client.SuspendInstanceAsync(storyId, "paused through the API", cancellationToken);
        }

        return new ActionView(state.StoryId, "pause", ApiJson.Name(StoryStatus.Paused));
    }

    public async Task<ActionView> ResumeAsync(string storyId, DurableTaskClient client, StoryStarter starter, CancellationToken cancellationToken)
    {
        StoryState state = await RequireUnfinishedAsync(storyId, cancellationToken);
        OrchestrationMetadata? instance = await client.GetInstanceAsync(storyId, cancellationToken);
        if (instance is null || instance.IsCompleted)
        {
            // No live instance (purged, or ended without finishing the story): start one; the state row says where it stands.
            await starter.ScheduleAsync(storyId, cancellationToken);
        }
        else if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Suspended)
        {
            await client.ResumeInstanceAsync(storyId, "resumed through the API", cancellationToken);
        }

        if (state.Status == StoryStatus.Paused)
        {
            // Paused by a choice deadline: the instance still waits for the choice; the wait is simply open again.
            state = await updater.UpdateAsync(storyId, current => current.Status == StoryStatus.Paused ? current with { Status = StoryStatus.AwaitingChoice } : null, cancellationToken);
            await catalogue.UpsertAsync(StorySummaries.Of(state), cancellationToken);
            await deadlines.ScheduleAsync(state, cancellationToken);
        }

        return new ActionView(storyId, "resume", ApiJson.Name(state.Status));
    }

    public async Task<ActionView> CancelAsync(string storyId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        StoryState state = await updater.GetAsync(storyId, cancellationToken);
        if (state.Status == StoryStatus.Completed)
        {
            throw StoryApi.Finished(state);
        }

        // The state row first: a step still in flight when the instance stops then sees the story cancelled and keeps it so.
        state = await updater.UpdateAsync(storyId, current => current.Status is StoryStatus.Completed or StoryStatus.Cancelled ? null : current with { Status = StoryStatus.Cancelled }, cancellationToken);
        await catalogue.UpsertAsync(StorySummaries.Of(state), cancellationToken);
        OrchestrationMetadata? instance = await client.GetInstanceAsync(storyId, cancellationToken);
        if (instance is { IsCompleted: false })
        {
            await client.TerminateInstanceAsync(storyId, (object)"cancelled through the API", cancellationToken);
        }

        return new ActionView(storyId, "cancel", ApiJson.Name(state.Status));
    }

    public async Task<ActionView> RetryAsync(string storyId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        StoryState state = await RequireUnfinishedAsync(storyId, cancellationToken);
        if (state.Status != StoryStatus.NeedsAttention)
        {
            throw ApiProblem.Conflict("not-needing-attention", "Nothing to retry", $"story {storyId} is {ApiJson.Name(state.Status)}; retry is for a story that needs attention");
        }

        await client.RaiseEventAsync(storyId, WorkflowNames.RetryEvent, null, cancellationToken);
        return new ActionView(storyId, "retry", ApiJson.Name(StoryStatus.Writing));
    }

    private async Task<StoryState> RequireUnfinishedAsync(string storyId, CancellationToken cancellationToken)
    {
        StoryState state = await updater.GetAsync(storyId, cancellationToken);
        return state.Status is StoryStatus.Completed or StoryStatus.Cancelled ? throw StoryApi.Finished(state) : state;
    }
}
