using Microsoft.Azure.Functions.Worker;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Notifications;

namespace RecurrentGpt.Functions;

public sealed class NotifySubscribersFunction(NotifySubscribersActivity activity)
{
    [Function(WorkflowNames.NotifySubscribers)]
    public Task<bool> RunAsync([ActivityTrigger] Notification notification, string instanceId) =>
        activity.RunAsync(new StoryActivityContext(WorkflowNames.NotifySubscribers, instanceId), notification);
}
