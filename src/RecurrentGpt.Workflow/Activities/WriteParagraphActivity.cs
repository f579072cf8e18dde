using Microsoft.DurableTask;
using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Lines;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Activities;

/// <summary>
/// The step's one model call. It reads what the writer may have edited (memory, plans, outline) from the state row,
/// stores the full step record (inputs, raw outputs, parsed output, usage) as a blob, and returns nothing big:
/// CommitStep reads the record. Re-running it for a step that already has a record makes no second call.
/// </summary>
[DurableTask(WorkflowNames.WriteParagraph)]
public sealed class WriteParagraphActivity(
    StoryStateUpdater updater,
    StoryStateStore states,
    StoryText text,
    LineageReader lineages,
    StepRecordStore records,
    IChatClient chat,
    TimeProvider time) : TaskActivity<WriteRequest, StepWritten>
{
    public override async Task<StepWritten> RunAsync(TaskActivityContext context, WriteRequest write)
    {
        StoryState state = await updater.UpdateAsync(write.StoryId, current =>
            current.Status == StoryStatus.NeedsAttention && current.Generation == write.Generation
                ? current with { Status = StoryStatus.Writing, AttentionReason = null }
                : null,
            CancellationToken.None);

        // A rewind or restore moved the story on: this step belongs to a line it left (CommitStep then sees the same).
        if (state.Generation != write.Generation || state.Step >= write.Step
            || await records.ReadAsync(state.CurrentLine, write.Step, CancellationToken.None) is not null)
        {
            return new StepWritten(write.Step, 0);
        }

        PlanChoice choice = await states.GetChoiceAsync(state.CurrentLine, write.Step, CancellationToken.None)
            ?? throw new InvalidOperationException($"no plan is recorded for step {write.Step} of story {write.StoryId}");
        StepRequest request = choice.Regenerates is LineRef original
            ? await AgainAsync(original, write.Step, choice.Take)
            : await FreshAsync(state, write, choice);
        WriterResult<StepOutcome> result = await new RecurrentWriter(chat, state.Settings).WriteStepAsync(request, RecommendedChoice.IsAskedFor(state), CancellationToken.None);

        var record = new StepRecord(write.StoryId, write.Step, request, result.Exchanges, result.Value.Draft, result.Value.Memory.Text, result.Value.Bounding, time.GetUtcNow())
        {
            ChoiceUsage = choice.Usage,
        };
        await records.WriteAsync(state.CurrentLine, record, CancellationToken.None);
        return new StepWritten(write.Step, result.Exchanges.Count);
    }

    /// <summary>A step's inputs as its state, its choice and this step's recall make them.</summary>
    private async Task<StepRequest> FreshAsync(StoryState state, WriteRequest write, PlanChoice choice)
    {
        // Resolved once for both reads: a fork's lineage reads its ancestors' state rows.
        Lineage lines = await lineages.LinesAsync(state, CancellationToken.None);
        StoredParagraph previous = await text.ParagraphAsync(lines, state.ParagraphCount - 1, CancellationToken.None)
            ?? throw new InvalidOperationException($"paragraph {state.ParagraphCount - 1} of story {write.StoryId} is missing");
        IReadOnlyList<RetrievedMemory> recalled = await WithBestMatchInFullAsync(lines, write, RecallPolicy.For(state));
        return StepInputs.For(state, write.Step, previous.Text, recalled, choice.Plan);
    }

    /// <summary>A regeneration's inputs: exactly those the first take's record holds, as another take.</summary>
    private async Task<StepRequest> AgainAsync(LineRef original, int step, int take)
    {
        StepRecord first = await records.ReadAsync(original, step, CancellationToken.None)
            ?? throw new InvalidOperationException($"step {step} of line {original} has no record to write again");
        return first.Inputs with { Take = take };
    }

    private async Task<IReadOnlyList<RetrievedMemory>> WithBestMatchInFullAsync(Lineage lines, WriteRequest write, RecallPolicy? policy)
    {
        if (policy is not { BestMatchInFull: true } || write.Recalled.Count == 0)
        {
            return write.Recalled;
        }

        RetrievedMemory best = write.Recalled[0];
        StoredParagraph? full = await text.ParagraphAsync(lines, best.ParagraphIndex, CancellationToken.None);
        return [best with { FullText = full?.Text }, .. write.Recalled.Skip(1)];
    }
}
