using RecurrentGpt.Core.Story;
using RecurrentGpt.Workflow.Refusals;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Choices;

/// <summary>
/// Turns what a person sent into a recorded choice, the same way for the API route and the plan-choice webhook: the plan
/// it means against the story's current plans, then <see cref="ChoiceRecorder"/>. A choice that cannot be used is refused.
/// </summary>
public sealed class ChoiceMaker(ChoiceRecorder recorder, StoryStateUpdater updater)
{
    public async Task<MadeChoice> MakeAsync(string storyId, ChoiceIntent intent, CancellationToken cancellationToken)
    {
        StoryState state = StoryRefusals.RequireUnfinished(await updater.GetAsync(storyId, cancellationToken));
        (string plan, PlanChoiceSource source) = (intent.Plan, intent.Text) switch
        {
            (null, null) => throw new ArgumentException("send plan (1 to 3), text (your own plan), or both (an edited plan)"),
            (int index, _) when index < 1 || index > state.Plans.Count =>
                throw new ArgumentException(state.Plans.Count == 0 ? "there are no plans to pick from yet" : $"plan must be from 1 to {state.Plans.Count}"),
            (int index, null) => (state.Plans[index - 1], PlanChoiceSource.Picked),
            (int, string edited) => (edited, PlanChoiceSource.Edited),
            (null, string own) => (own, PlanChoiceSource.Own),
        };

        ChoiceResult result = await recorder.RecordAsync(storyId, intent.Step, plan, source, intent.Plan, cancellationToken);
        return result switch
        {
            ChoiceResult.Recorded => new MadeChoice(storyId, intent.Step, plan, source),
            ChoiceResult.AlreadyChosen => throw new StoryRefusedException(StoryRefusal.AlreadyChosen,
                $"step {intent.Step} of story {storyId} has its plan already; the first choice stands"),
            _ => throw new StoryRefusedException(StoryRefusal.StaleStep,
                $"story {storyId} is at step {state.Step + 1}, not {intent.Step}: read the story again and answer its nextStep"),
        };
    }
}
