using Microsoft.DurableTask.Client;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Workflow.Engine;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Lines;

/// <summary>
/// Tells a story's orchestration that the story moved to another line: a live instance gets the Moved event (a suspended
/// one on resuming), and a story whose instance has ended but that has more to write gets a new instance.
/// </summary>
public sealed class LineMoveSignal(IDurableClientSource engine, StoryStarter starter)
{
    public async Task SendAsync(StoryState moved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(moved);
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
