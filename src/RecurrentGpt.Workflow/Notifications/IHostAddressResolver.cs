using System.Net;

namespace RecurrentGpt.Workflow.Notifications;

/// <summary>Turns a callback host name into addresses; tests substitute one to play DNS (including DNS rebinding).</summary>
public interface IHostAddressResolver
{
    /// <summary>The host's addresses; throws <see cref="HostResolutionException"/> when it has none or cannot be resolved in time.</summary>
    Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken);
}
