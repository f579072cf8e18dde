using Microsoft.Azure.Functions.Worker;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Activities;
using RecurrentGpt.Workflow.Contracts;

namespace RecurrentGpt.Functions;

public sealed class InitializeStoryFunction(InitializeStoryActivity activity)
{
    [Function(WorkflowNames.InitializeStory)]
    public Task<StoryProgress> RunAsync([ActivityTrigger] string storyId, string instanceId) =>
        activity.RunAsync(new StoryActivityContext(WorkflowNames.InitializeStory, instanceId), storyId);
}
