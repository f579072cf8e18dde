using Microsoft.Azure.Functions.Worker;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Activities;
using RecurrentGpt.Workflow.Contracts;

namespace RecurrentGpt.Functions;

public sealed class ReadChoiceFunction(ReadChoiceActivity activity)
{
    [Function(WorkflowNames.ReadChoice)]
    public Task<ChoiceOutcome> RunAsync([ActivityTrigger] StepRef step, string instanceId) =>
        activity.RunAsync(new StoryActivityContext(WorkflowNames.ReadChoice, instanceId), step);
}
