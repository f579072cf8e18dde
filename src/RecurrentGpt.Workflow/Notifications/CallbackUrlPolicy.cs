using System.Net;
using Microsoft.Extensions.Options;

namespace RecurrentGpt.Workflow.Notifications;

/// <summary>
/// Where callbacks may go. At creation a URL must be absolute https (http only to loopback with the development flag),
/// without user-info, and every address its host resolves to must be allowed; at send time the same address rule picks
/// which resolved addresses may be connected to, so a host re-pointed at an internal address later is still caught.
/// </summary>
public sealed class CallbackUrlPolicy
{
    public const int MaxUrlLength = 2048;

    private readonly NotificationOptions _options;
    private readonly IHostAddressResolver _resolver;
    private readonly IPNetwork[] _allowed;

    public CallbackUrlPolicy(IOptions<NotificationOptions> options, IHostAddressResolver resolver)
    {
        _options = options.Value;
        _resolver = resolver;
        _allowed = [.. _options.AllowedNetworks.Select(n => IPNetwork.Parse(n))];
    }

    /// <summary>The creation check: returns the parsed URL or throws <see cref="CallbackUrlRejectedException"/> with the reason.</summary>
    public async Task<Uri> ValidateAsync(string? url, CancellationToken cancellationToken)
    {
        if (!_options.IsConfigured)
        {
            throw new CallbackUrlRejectedException(
                $"notifications are not configured on this service ({NotificationOptions.SectionName}:SigningSecret is not set)");
        }

        Uri uri = CheckUrl(url);
        IReadOnlyList<IPAddress> addresses;
        try
        {
            addresses = await ResolveAsync(uri.IdnHost, cancellationToken);
        }
        catch (HostResolutionException ex)
        {
            throw new CallbackUrlRejectedException(ex.Message);
        }

        bool plainHttp = uri.Scheme == Uri.UriSchemeHttp;
        foreach (IPAddress address in addresses)
        {
            if (RefusalFor(address, plainHttp) is string reason)
            {
                throw new CallbackUrlRejectedException($"host \"{uri.IdnHost}\" resolves to {address}, {reason}");
            }
        }

        return uri;
    }

    /// <summary>The checks that need no network: form, length, scheme, no user-info. Throws <see cref="CallbackUrlRejectedException"/>.</summary>
    public Uri CheckUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new CallbackUrlRejectedException("it is empty");
        }

        if (url.Length > MaxUrlLength)
        {
            throw new CallbackUrlRejectedException($"it is longer than {MaxUrlLength} characters");
        }

        // On Unix "/hook" parses as an absolute file URI; the scheme test below refuses it along with ftp: and the rest.
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new CallbackUrlRejectedException("it must be an absolute https URL");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !_options.AllowLoopbackHttp)
        {
            throw new CallbackUrlRejectedException("it must use https");
        }

        if (uri.UserInfo.Length > 0)
        {
            throw new CallbackUrlRejectedException("it must not contain user information (credentials)");
        }

        if (uri.IdnHost.Length == 0)
        {
            throw new CallbackUrlRejectedException("it has no host");
        }

        return uri;
    }

    /// <summary>
    /// The send-time check: the addresses of <paramref name="host"/> a callback may connect to, in resolver order.
    /// Throws <see cref="CallbackAddressRefusedException"/> when none is allowed.
    /// </summary>
    public async Task<IReadOnlyList<IPAddress>> AllowedAddressesAsync(string host, bool plainHttp, CancellationToken cancellationToken)
    {
        IReadOnlyList<IPAddress> addresses = await ResolveAsync(host, cancellationToken);
        var allowed = new List<IPAddress>(addresses.Count);
        string? firstRefusal = null;
        foreach (IPAddress address in addresses)
        {
            string? reason = RefusalFor(address, plainHttp);
            if (reason is null)
            {
                allowed.Add(address);
            }
            else
            {
                firstRefusal ??= $"it resolves to {address}, {reason}";
            }
        }

        return allowed.Count > 0 ? allowed : throw new CallbackAddressRefusedException(host, firstRefusal ?? "it has no addresses");
    }

    /// <summary>Why a callback may not reach <paramref name="address"/>, or null when it may.</summary>
    /// <param name="plainHttp">The callback is unencrypted http: then only loopback is acceptable, and only with the development flag.</param>
    public string? RefusalFor(IPAddress address, bool plainHttp = false)
    {
        ArgumentNullException.ThrowIfNull(address);
        IPAddress unwrapped = RestrictedAddresses.Unwrap(address);
        RestrictedAddresses.Range? range = RestrictedAddresses.Find(unwrapped);
        if (plainHttp && !(range is { IsLoopback: true } && _options.AllowLoopbackHttp))
        {
            return "and plain http is allowed only to a loopback address in development";
        }

        if (range is null || (range.IsLoopback && _options.AllowLoopbackHttp))
        {
            return null;
        }

        return range.AllowListable && IsAllowListed(address, unwrapped) ? null : range.Description;
    }

    private bool IsAllowListed(IPAddress address, IPAddress unwrapped)
    {
        foreach (IPNetwork network in _allowed)
        {
            if (network.Contains(address) || network.Contains(unwrapped))
            {
                return true;
            }
        }

        return false;
    }

    private Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        // Uri keeps the brackets of an IPv6 literal in some host forms; a literal is checked as it is, never looked up.
        return IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? literal)
            ? Task.FromResult<IReadOnlyList<IPAddress>>([literal])
            : _resolver.ResolveAsync(host, cancellationToken);
    }
}
