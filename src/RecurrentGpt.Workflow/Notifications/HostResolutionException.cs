namespace RecurrentGpt.Workflow.Notifications;

/// <summary>A callback host name did not resolve (unknown, or no answer within the resolve timeout).</summary>
public sealed class HostResolutionException(string host, string problem, Exception? inner = null)
    : Exception($"host \"{host}\" {problem}", inner)
{
    public string Host { get; } = host;
}
