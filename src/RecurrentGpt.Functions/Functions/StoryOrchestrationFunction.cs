using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Contracts;

namespace RecurrentGpt.Functions;

/// <summary>The orchestrator: one instance per story, run by the Workflow's <see cref="StoryOrchestration"/>.</summary>
public static class StoryOrchestrationFunction
{
    [Function(WorkflowNames.StoryOrchestration)]
    public static Task<StoryOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        StoryCursor cursor = context.GetInput<StoryCursor>()
            ?? throw new InvalidOperationException($"orchestration {context.InstanceId} was started without a story cursor");
        return new StoryOrchestration().RunAsync(context, cursor);
    }
}
