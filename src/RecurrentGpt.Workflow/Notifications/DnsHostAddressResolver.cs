using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace RecurrentGpt.Workflow.Notifications;

/// <summary>The system resolver, bounded by <see cref="NotificationOptions.ResolveTimeout"/>.</summary>
public sealed class DnsHostAddressResolver(IOptions<NotificationOptions> options) : IHostAddressResolver
{
    public async Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        TimeSpan timeout = options.Value.ResolveTimeout;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        IPAddress[] addresses;
        try
        {
            // WaitAsync as well: not every platform's resolver honours cancellation promptly.
            addresses = await Dns.GetHostAddressesAsync(host, limit.Token).WaitAsync(timeout, cancellationToken);
        }
        catch (SocketException ex)
        {
            throw new HostResolutionException(host, $"could not be resolved ({ex.SocketErrorCode})", ex);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new HostResolutionException(host, $"did not resolve within {timeout.TotalSeconds:0.#} s", ex);
        }

        return addresses.Length > 0 ? addresses : throw new HostResolutionException(host, "has no addresses");
    }
}
