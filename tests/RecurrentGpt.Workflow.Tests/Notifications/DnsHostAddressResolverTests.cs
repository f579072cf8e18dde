using System.Net;
using Microsoft.Extensions.Options;
using RecurrentGpt.Workflow.Notifications;

namespace RecurrentGpt.Workflow.Tests.Notifications;

public class DnsHostAddressResolverTests
{
    private static readonly DnsHostAddressResolver Resolver =
        new(Options.Create(new NotificationOptions { ResolveTimeout = TimeSpan.FromSeconds(3) }));

    [Fact]
    public async Task System_resolver_finds_localhost_on_loopback()
    {
        IReadOnlyList<IPAddress> addresses = await Resolver.ResolveAsync("localhost", CancellationToken.None);

        Assert.NotEmpty(addresses);
        Assert.All(addresses, a => Assert.True(IPAddress.IsLoopback(a)));
    }

    [Fact]
    public async Task System_resolver_reports_a_host_that_cannot_exist()
    {
        // .invalid is reserved (RFC 2606): it never resolves, with or without a network.
        HostResolutionException failed = await Assert.ThrowsAsync<HostResolutionException>(
            () => Resolver.ResolveAsync("callbacks.invalid", CancellationToken.None));

        Assert.Equal("callbacks.invalid", failed.Host);
    }
}
