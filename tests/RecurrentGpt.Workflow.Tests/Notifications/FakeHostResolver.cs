using System.Collections.Concurrent;
using System.Net;
using RecurrentGpt.Workflow.Notifications;

namespace RecurrentGpt.Workflow.Tests.Notifications;

/// <summary>Plays DNS: answers from a table, optionally changing its answer after the first lookup (DNS rebinding), and counts lookups.</summary>
internal sealed class FakeHostResolver : IHostAddressResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> _table = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, IPAddress[]> _later = new(StringComparer.OrdinalIgnoreCase);
    private int _lookups;

    public int Lookups => Volatile.Read(ref _lookups);

    public FakeHostResolver Map(string host, params string[] addresses)
    {
        _table[host] = [.. addresses.Select(IPAddress.Parse)];
        return this;
    }

    /// <summary>From this resolver's second lookup on, answer <paramref name="addresses"/> for <paramref name="host"/>: a rebinding after the creation check.</summary>
    public FakeHostResolver MapAfterFirstLookup(string host, params string[] addresses)
    {
        _later[host] = [.. addresses.Select(IPAddress.Parse)];
        return this;
    }

    public Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _lookups) > 1 && _later.TryGetValue(host, out IPAddress[]? later))
        {
            return Task.FromResult<IReadOnlyList<IPAddress>>(later);
        }

        return _table.TryGetValue(host, out IPAddress[]? addresses)
            ? Task.FromResult<IReadOnlyList<IPAddress>>(addresses)
            : throw new HostResolutionException(host, "is not in the fake resolver's table");
    }
}
