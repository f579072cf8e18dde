using Microsoft.DurableTask;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Activities;

/// <summary>The model kept failing: show "needs attention" with the reason; the orchestration then waits for Retry.</summary>
[DurableTask(WorkflowNames.MarkNeedsAttention)]
public sealed class MarkNeedsAttentionActivity(StoryStateUpdater updater, StoryCatalogue catalogue) : TaskActivity<AttentionNote, StoryProgress>
{
    private const int MaxReasonLength = 2000;

    public override async Task<StoryProgress> RunAsync(TaskActivityContext context, AttentionNote note)
    {
        string reason = note.Reason.Length <= MaxReasonLength ? note.Reason : note.Reason[..MaxReasonLength] + "…";
        StoryState state = await updater.UpdateAsync(note.StoryId, current => note.Generation != AttentionNote.AnyGeneration && current.Generation != note.Generation ? null : current with { Status = StoryStatus.NeedsAttention, AttentionReason = reason }, CancellationToken.None);
        await catalogue.UpsertAsync(StorySummaries.Of(state), CancellationToken.None);
        return StoryProgress.Of(state);
    }
}
