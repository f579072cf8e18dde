using Microsoft.Azure.Functions.Worker;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Activities;
using RecurrentGpt.Workflow.Contracts;

namespace RecurrentGpt.Functions;

public sealed class RetrieveMemoriesFunction(RetrieveMemoriesActivity activity)
{
    [Function(WorkflowNames.RetrieveMemories)]
    public Task<IReadOnlyList<RetrievedMemory>> RunAsync([ActivityTrigger] StepRef step, string instanceId) =>
        activity.RunAsync(new StoryActivityContext(WorkflowNames.RetrieveMemories, instanceId), step);
}
