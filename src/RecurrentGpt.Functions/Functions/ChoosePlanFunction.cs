using Microsoft.Azure.Functions.Worker;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Activities;
using RecurrentGpt.Workflow.Contracts;

namespace RecurrentGpt.Functions;

public sealed class ChoosePlanFunction(ChoosePlanActivity activity)
{
    [Function(WorkflowNames.ChoosePlan)]
    public Task<ChoiceOutcome> RunAsync([ActivityTrigger] StepRef step, string instanceId) =>
        activity.RunAsync(new StoryActivityContext(WorkflowNames.ChoosePlan, instanceId), step);
}
