using Microsoft.Azure.Functions.Worker;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Activities;
using RecurrentGpt.Workflow.Contracts;

namespace RecurrentGpt.Functions;

public sealed class CommitStepFunction(CommitStepActivity activity)
{
    [Function(WorkflowNames.CommitStep)]
    public Task<StoryProgress> RunAsync([ActivityTrigger] StepRef step, string instanceId) =>
        activity.RunAsync(new StoryActivityContext(WorkflowNames.CommitStep, instanceId), step);
}
