using Microsoft.Azure.Functions.Worker;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Activities;
using RecurrentGpt.Workflow.Contracts;

namespace RecurrentGpt.Functions;

public sealed class WriteParagraphFunction(WriteParagraphActivity activity)
{
    [Function(WorkflowNames.WriteParagraph)]
    public Task<StepWritten> RunAsync([ActivityTrigger] WriteRequest write, string instanceId) =>
        activity.RunAsync(new StoryActivityContext(WorkflowNames.WriteParagraph, instanceId), write);
}
