using Microsoft.DurableTask;
using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Activities;

/// <summary>
/// Auto mode's choice, and the "auto-choose" timeout policy: the plan the step call recommended, or else the human
/// simulator's refined plan. It records the choice like a person would, so a choice already recorded (a human was first) wins.
/// </summary>
[DurableTask(WorkflowNames.ChoosePlan)]
public sealed class ChoosePlanActivity(
    StoryStateStore states,
    StoryStateUpdater updater,
    StoryText text,
    IChatClient chat,
    TimeProvider time) : TaskActivity<StepRef, ChoiceOutcome>
{
    public override async Task<ChoiceOutcome> RunAsync(TaskActivityContext context, StepRef step)
    {
        StoryState state = await updater.GetAsync(step.StoryId, CancellationToken.None);
        if (state.Generation != step.Generation)
        {
            return new ChoiceOutcome(false, Moved: true);
        }

        if (await states.GetChoiceAsync(state.CurrentLine, step.Step, CancellationToken.None) is not null)
        {
            return new ChoiceOutcome(true);
        }

        PlanChoice? choice = RecommendedChoice.For(state, step.Step, time.GetUtcNow());
        if (choice is null)
        {
            StoredParagraph latest = await text.ParagraphAsync(state, state.ParagraphCount - 1, CancellationToken.None)
                ?? throw new InvalidOperationException($"paragraph {state.ParagraphCount - 1} of story {step.StoryId} is missing");
            WriterResult<PlanPick> pick = await new RecurrentWriter(chat, state.Settings).ChoosePlanAsync(StepInputs.ForChoice(state, latest.Text), CancellationToken.None);
            // The cost travels with the choice: the step that uses it records it, and its commit charges the story once.
            choice = new PlanChoice(step.Step, pick.Value.RefinedPlan, PlanChoiceSource.Simulator, pick.Value.ChosenPlan, time.GetUtcNow()) { Usage = pick.Usage };
        }

        await states.TryRecordChoiceAsync(state.CurrentLine, choice, CancellationToken.None);
        if (state.Status is not (StoryStatus.AwaitingChoice or StoryStatus.Paused))
        {
            return new ChoiceOutcome(true);
        }

        await updater.StartWritingAsync(step.StoryId, step.Step, CancellationToken.None);
        return new ChoiceOutcome(true);
    }
}
