using Microsoft.DurableTask;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Recall;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Activities;

/// <summary>A step's long-term memories: what the chosen plan recalls (see <see cref="LongTermRecall"/>).</summary>
[DurableTask(WorkflowNames.RetrieveMemories)]
public sealed class RetrieveMemoriesActivity(
    StoryStateUpdater updater,
    StoryStateStore states,
    StepRecordStore records,
    LongTermRecall recall) : TaskActivity<StepRef, IReadOnlyList<RetrievedMemory>>
{
    public override async Task<IReadOnlyList<RetrievedMemory>> RunAsync(TaskActivityContext context, StepRef step)
    {
        StoryState state = await updater.GetAsync(step.StoryId, CancellationToken.None);
        if (RecallPolicy.For(state) is null || state.Generation != step.Generation)
        {
            // Nothing to recall, or the story moved to another line: WriteParagraph then writes nothing for this step.
            return [];
        }

        PlanChoice choice = await states.GetChoiceAsync(state.CurrentLine, step.Step, CancellationToken.None)
            ?? throw new InvalidOperationException($"no plan is recorded for step {step.Step} of story {step.StoryId}");
        // A regeneration recalls what the first take recalled: its inputs are that record's.
        return choice.Regenerates is { } original
            ? (await records.ReadAsync(original, step.Step, CancellationToken.None))?.Inputs.LongTermMemories ?? []
            : await recall.RecallAsync(state, choice.Plan, CancellationToken.None);
    }
}
