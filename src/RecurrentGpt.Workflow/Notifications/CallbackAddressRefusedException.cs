namespace RecurrentGpt.Workflow.Notifications;

/// <summary>
/// At send time the callback host resolved only to addresses the policy refuses (it may have been re-pointed since the
/// story was created). Not worth retrying: the sender gives up at once.
/// </summary>
public sealed class CallbackAddressRefusedException(string host, string reason) : Exception($"callback host \"{host}\" refused: {reason}")
{
    public string Host { get; } = host;
}
