using Microsoft.DurableTask;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Activities;

/// <summary>
/// An interactive wait passed its deadline: apply the story's timeout policy. "Pause" marks the story paused (a later
/// choice still resumes it); "auto-choose" tells the orchestration to let the human simulator choose.
/// </summary>
[DurableTask(WorkflowNames.ApplyChoiceTimeout)]
public sealed class ApplyChoiceTimeoutActivity(StoryStateUpdater updater) : TaskActivity<StepRef, TimeoutPolicy>
{
    public override async Task<TimeoutPolicy> RunAsync(TaskActivityContext context, StepRef step)
    {
        StoryState state = await updater.GetAsync(step.StoryId, CancellationToken.None);
        if (state.TimeoutPolicy == TimeoutPolicy.Pause)
        {
            await updater.UpdateAsync(step.StoryId, current =>
                current.Step + 1 == step.Step && current.Status == StoryStatus.AwaitingChoice ? current with { Status = StoryStatus.Paused } : null,
                CancellationToken.None);
        }

        return state.TimeoutPolicy;
    }
}
