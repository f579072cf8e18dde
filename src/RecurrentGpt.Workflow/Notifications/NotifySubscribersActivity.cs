using Microsoft.DurableTask;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Notifications;

/// <summary>
/// Tells the story's callback URL what happened, signed, with the sender's bounded retries. Returns whether anything was
/// sent (false without a callback URL). A final failure escapes; the orchestration logs it and carries on.
/// </summary>
[DurableTask(WorkflowNames.NotifySubscribers)]
public sealed class NotifySubscribersActivity(StoryStateUpdater updater, CallbackSender sender, TimeProvider time) : TaskActivity<Notification, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, Notification notification)
    {
        StoryState state = await updater.GetAsync(notification.StoryId, CancellationToken.None);
        if (state.CallbackUrl is null)
        {
            return false;
        }

        // Plans are the ones for this step only while the story still waits on it; a later read would show other plans.
        bool plansStillOpen = notification.Kind == NotificationKind.PlansAwaitingChoice && state.Step + 1 == notification.Step;
        var body = new NotificationBody(
            state.StoryId,
            notification.Kind,
            notification.Step,
            state.Status,
            state.ParagraphCount,
            state.Title,
            plansStillOpen ? state.Plans : null,
            notification.Kind == NotificationKind.NeedsAttention ? state.AttentionReason : null,
            state.Serial is null ? null : state.Episode,
            time.GetUtcNow());
        await sender.SendAsync(state.CallbackUrl, NotificationBody.DeliveryId(notification), body.ToUtf8Json(), CancellationToken.None);
        return true;
    }
}
