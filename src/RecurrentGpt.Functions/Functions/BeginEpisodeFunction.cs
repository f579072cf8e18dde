using Microsoft.Azure.Functions.Worker;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Activities;
using RecurrentGpt.Workflow.Contracts;

namespace RecurrentGpt.Functions;

public sealed class BeginEpisodeFunction(BeginEpisodeActivity activity)
{
    [Function(WorkflowNames.BeginEpisode)]
    public Task<StoryProgress> RunAsync([ActivityTrigger] StepRef next, string instanceId) =>
        activity.RunAsync(new StoryActivityContext(WorkflowNames.BeginEpisode, instanceId), next);
}
