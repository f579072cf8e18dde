using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Api;

namespace RecurrentGpt.Workflow.Steering;

/// <summary>
/// Switches a story between interactive and auto. A story switched to auto while it waits for a choice is not left
/// waiting: the plan the last step recommended (else the first) is chosen for it, as auto mode would have.
/// </summary>
public sealed class ModeSwitch(StoryStateUpdater updater, StoryCatalogue catalogue)
{
    public async Task<StoryState> SwitchAsync(string storyId, StoryMode mode, ChoiceRecorder recorder, CancellationToken cancellationToken)
    {
        StoryState state = await updater.GetAsync(storyId, cancellationToken);
        if (state.Status is StoryStatus.Completed or StoryStatus.Cancelled)
        {
            throw StoryApi.Finished(state);
        }

        if (state.Serial is not null && mode != StoryMode.Auto)
        {
            throw ApiProblem.Conflict("serial-is-auto", "A serial is written in auto mode", $"story {storyId} is a serial: within an episode the human simulator chooses");
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
