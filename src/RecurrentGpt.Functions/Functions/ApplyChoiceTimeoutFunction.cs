using Microsoft.Azure.Functions.Worker;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Activities;
using RecurrentGpt.Workflow.Contracts;

namespace RecurrentGpt.Functions;

public sealed class ApplyChoiceTimeoutFunction(ApplyChoiceTimeoutActivity activity)
{
    [Function(WorkflowNames.ApplyChoiceTimeout)]
    public Task<TimeoutPolicy> RunAsync([ActivityTrigger] StepRef step, string instanceId) =>
        activity.RunAsync(new StoryActivityContext(WorkflowNames.ApplyChoiceTimeout, instanceId), step);
}
