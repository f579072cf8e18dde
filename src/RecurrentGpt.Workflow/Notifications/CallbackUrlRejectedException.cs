namespace RecurrentGpt.Workflow.Notifications;

/// <summary>A story's callback URL is not acceptable; the HTTP layer answers 400 with the message.</summary>
public sealed class CallbackUrlRejectedException(string reason) : ArgumentException($"callback URL refused: {reason}")
{
    /// <summary>Why, in one phrase, without the URL itself (it may carry a token).</summary>
    public string Reason { get; } = reason;
}
