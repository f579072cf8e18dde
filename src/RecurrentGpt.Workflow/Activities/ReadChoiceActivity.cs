using Microsoft.DurableTask;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Activities;

/// <summary>
/// Reads the recorded choice for a step: the table row is the truth, the PlanChosen event only a doorbell. When a choice
/// is there, the story moves from waiting to writing, which also closes the window for memory edits.
/// </summary>
[DurableTask(WorkflowNames.ReadChoice)]
public sealed class ReadChoiceActivity(StoryStateStore states, StoryStateUpdater updater) : TaskActivity<StepRef, ChoiceOutcome>
{
    public override async Task<ChoiceOutcome> RunAsync(TaskActivityContext context, StepRef step)
    {
        VersionedState read = await updater.GetVersionedAsync(step.StoryId, CancellationToken.None);
        StoryState state = read.State;
        if (state.Generation != step.Generation)
        {
            return new ChoiceOutcome(false, Moved: true);
        }

        PlanChoice? choice = await states.GetChoiceAsync(state.CurrentLine, step.Step, CancellationToken.None);
        if (choice is null)
        {
            return new ChoiceOutcome(false);
        }

        await updater.StartWritingAsync(step.StoryId, step.Step, CancellationToken.None, known: read);
        return new ChoiceOutcome(true);
    }
}
