using Microsoft.Azure.Functions.Worker;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Activities;
using RecurrentGpt.Workflow.Contracts;

namespace RecurrentGpt.Functions;

public sealed class EndEpisodeFunction(EndEpisodeActivity activity)
{
    [Function(WorkflowNames.EndEpisode)]
    public Task<StoryProgress> RunAsync([ActivityTrigger] StepRef next, string instanceId) =>
        activity.RunAsync(new StoryActivityContext(WorkflowNames.EndEpisode, instanceId), next);
}
