using Microsoft.Extensions.Hosting;

namespace RecurrentGpt.Local.Runtime;

/// <summary>
/// Replaces the console lifetime of the runtime's hosts, which would stop them on SIGINT: Ctrl-C belongs to the
/// program that owns the runtime (rgpt turns it into a pause, which needs the engine still running), and the hosts
/// stop when their owner disposes the runtime.
/// </summary>
internal sealed class OwnerControlledLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
