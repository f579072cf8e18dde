using System.Net;

namespace RecurrentGpt.Workflow.Notifications;

/// <summary>Turns a callback host name into addresses; tests substitute one to play DNS (including DNS rebinding).</summary>
public interface IHostAddressResolver
{
    /// <summary>The host's addresses; throws <see cref="HostResolutionException"/> when it has none or cannot be resolved in time.</summary>
    Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>A callback host name did not resolve (unknown, or no answer within the resolve timeout).</summary>
public sealed class HostResolutionException(string host, string problem, Exception? inner = null)
    : Exception($"host \"{host}\" {problem}", inner)
{
    public string Host { get; } = host;
}
