using Microsoft.DurableTask.Client;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Engine;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Lines;

/// <summary>
/// Brings everything that follows a story's state row up to it after the story moved to another line (a rewind, a
/// restore) or was made by a fork: its catalogue entry, its choice deadline, and its orchestration — a live instance gets
/// the Moved event (a suspended one on resuming), and a story with no running instance but more to write gets a new one.
/// Safe to run again: the scheduler sweep does, when the process died before it ran.
/// </summary>
public sealed class LineMoveSignal(IDurableClientSource engine, StoryStarter starter, StoryCatalogue catalogue, ChoiceDeadlines deadlines)
{
    public async Task SendAsync(StoryState moved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(moved);
        await catalogue.UpsertAsync(StorySummaries.Of(moved), cancellationToken);
        await deadlines.ScheduleAsync(moved, cancellationToken);
        OrchestrationMetadata? instance = await engine.Client.GetInstanceAsync(moved.StoryId, cancellationToken);
        if (instance is null || instance.IsCompleted)
        {
            if (!StoryLifecycle.IsFinished(moved))
            {
                await starter.ScheduleAsync(moved.StoryId, cancellationToken);
            }

            return;
        }

        await engine.Client.RaiseEventAsync(moved.StoryId, WorkflowNames.MovedEvent, moved.Generation, cancellationToken);
    }
}
