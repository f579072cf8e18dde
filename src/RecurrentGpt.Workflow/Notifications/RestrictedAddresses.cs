using System.Net;
using System.Net.Sockets;

namespace RecurrentGpt.Workflow.Notifications;

/// <summary>The address ranges a callback must not reach by default, and how an IPv6 form of an IPv4 address is unwrapped.</summary>
internal static class RestrictedAddresses
{
    /// <summary>A restricted range; <paramref name="AllowListable"/> says whether configuration may open it.</summary>
    internal sealed record Range(IPNetwork Network, string Description, bool AllowListable, bool IsLoopback = false);

    // NAT64's well-known prefix (RFC 6052): a gateway turns 64:ff9b::a.b.c.d into a.b.c.d, so the IPv4 part is what is reached.
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    // Most specific first: the first match names the range. Metadata, unspecified, multicast and reserved ranges can
    // never be allow-listed — no callback receiver lives there, and the metadata service hands out credentials.
    private static readonly Range[] Ranges =
    [
        new(IPNetwork.Parse("169.254.169.254/32"), "a cloud metadata address", false),
        new(IPNetwork.Parse("100.100.100.200/32"), "a cloud metadata address", false),
        new(IPNetwork.Parse("fd00:ec2::254/128"), "a cloud metadata address", false),
        new(IPNetwork.Parse("0.0.0.0/8"), "an unspecified address", false),
        new(IPNetwork.Parse("127.0.0.0/8"), "a loopback address", true, IsLoopback: true),
        new(IPNetwork.Parse("10.0.0.0/8"), "a private address", true),
        new(IPNetwork.Parse("172.16.0.0/12"), "a private address", true),
        new(IPNetwork.Parse("192.168.0.0/16"), "a private address", true),
        new(IPNetwork.Parse("169.254.0.0/16"), "a link-local address", true),
        new(IPNetwork.Parse("100.64.0.0/10"), "a carrier-grade NAT address", true),
        new(IPNetwork.Parse("224.0.0.0/4"), "a multicast address", false),
        new(IPNetwork.Parse("240.0.0.0/4"), "a reserved or broadcast address", false),
        new(IPNetwork.Parse("::/128"), "an unspecified address", false),
        new(IPNetwork.Parse("::1/128"), "a loopback address", true, IsLoopback: true),
        new(IPNetwork.Parse("::/96"), "a deprecated IPv4-compatible address", false),
        new(IPNetwork.Parse("fc00::/7"), "a private address", true),
        new(IPNetwork.Parse("fe80::/10"), "a link-local address", true),
        new(IPNetwork.Parse("fec0::/10"), "a private (site-local) address", true),
        new(IPNetwork.Parse("ff00::/8"), "a multicast address", false),
    ];

    /// <summary>The IPv4 address an IPv4-mapped or NAT64 IPv6 address stands for; any other address as it is.</summary>
    public static IPAddress Unwrap(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (Nat64.Contains(address))
        {
            Span<byte> bytes = stackalloc byte[16];
            address.TryWriteBytes(bytes, out _);
            return new IPAddress(bytes[12..]);
        }

        return address;
    }

    /// <summary>The restricted range holding <paramref name="address"/> (unwrap it first), or null for an ordinary public address.</summary>
    public static Range? Find(IPAddress address)
    {
        foreach (Range range in Ranges)
        {
            if (range.Network.Contains(address))
            {
                return range;
            }
        }

        return null;
    }
}
