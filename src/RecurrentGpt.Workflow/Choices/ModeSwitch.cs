using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Refusals;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Choices;

/// <summary>
/// Switches a story between interactive and auto. A story switched to auto while it waits for a choice is not left
/// waiting: the plan the last step recommended (else the first) is chosen for it, as auto mode would have.
/// </summary>
public sealed class ModeSwitch(StoryStateUpdater updater, StoryCatalogue catalogue, ChoiceRecorder recorder)
{
    public async Task<StoryState> SwitchAsync(string storyId, StoryMode mode, CancellationToken cancellationToken)
    {
        StoryState state = StoryRefusals.RequireUnfinished(await updater.GetAsync(storyId, cancellationToken));
        if (state.Serial is not null && mode != StoryMode.Auto)
        {
            throw new StoryRefusedException(StoryRefusal.SerialIsAuto, $"story {storyId} is a serial: within an episode the human simulator chooses");
        }

        if (mode == StoryMode.Auto && state.Mode == StoryMode.Interactive && state.Status is StoryStatus.AwaitingChoice or StoryStatus.Paused && state.Plans.Count > 0)
        {
            // Recorded while the story is still interactive, so the doorbell rings for the waiting instance.
            int index = state.RecommendedPlan is int recommended && recommended >= 1 && recommended <= state.Plans.Count ? recommended : 1;
            await recorder.RecordAsync(storyId, state.Step + 1, state.Plans[index - 1], PlanChoiceSource.Recommended, index, cancellationToken);
        }

        StoryState switched = await updater.UpdateAsync(storyId, current => current.Mode == mode ? null : current with { Mode = mode }, cancellationToken);
        await catalogue.UpsertAsync(StorySummaries.Of(switched), cancellationToken);
        return switched;
    }
}
