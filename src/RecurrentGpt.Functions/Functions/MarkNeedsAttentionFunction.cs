using Microsoft.Azure.Functions.Worker;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Activities;
using RecurrentGpt.Workflow.Contracts;

namespace RecurrentGpt.Functions;

public sealed class MarkNeedsAttentionFunction(MarkNeedsAttentionActivity activity)
{
    [Function(WorkflowNames.MarkNeedsAttention)]
    public Task<StoryProgress> RunAsync([ActivityTrigger] AttentionNote note, string instanceId) =>
        activity.RunAsync(new StoryActivityContext(WorkflowNames.MarkNeedsAttention, instanceId), note);
}
