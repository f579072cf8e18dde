using Microsoft.DurableTask.Client;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Engine;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Lines;

/// <summary>
/// Brings everything that follows a story's state row up to it after the story moved to another line (a rewind, a
/// restore) or was made by a fork: its catalogue entry, its choice deadline, and its orchestration — a live instance gets
/// the Moved event (a suspended one on resuming), and a story with no running instance but more to write gets a new one.
/// Safe to run again: the scheduler sweep does, when the process died before it ran, and again after each telling until
/// the instance has followed — an instance finishing its last step when the event arrives completes without reading it,
/// and the next telling then finds it completed and starts a new one.
/// </summary>
public sealed class LineMoveSignal(IDurableClientSource engine, StoryStarter starter, StoryCatalogue catalogue, ChoiceDeadlines deadlines)
{
    /// <returns>True when the instance has followed the move (or a new one was started, or none is needed); false when it was told and has not shown it yet.</returns>
    public async Task<bool> SendAsync(StoryState moved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(moved);
        await catalogue.UpsertAsync(StorySummaries.Of(moved), cancellationToken);
        await deadlines.ScheduleAsync(moved, cancellationToken);
        OrchestrationMetadata? instance = await engine.Client.GetInstanceAsync(moved.StoryId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null || instance.IsCompleted)
        {
            if (!StoryLifecycle.IsFinished(moved))
            {
                await starter.ScheduleAsync(moved.StoryId, cancellationToken);
            }

            return true;
        }

        StoryStatusView? shown = instance.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<StoryStatusView>();
        if (shown is not null && shown.Generation >= moved.Generation)
        {
            return true;
        }

        await engine.Client.RaiseEventAsync(moved.StoryId, WorkflowNames.MovedEvent, moved.Generation, cancellationToken);
        return false;
    }
}
