using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RecurrentGpt.Api.Problems;

namespace RecurrentGpt.Local.Serve;

/// <summary>
/// Serves only requests that name this server in their Host header: the loopback names, the address the client reached
/// (the one rgpt serve bound to), and the names in <c>Serve:AllowedHosts</c>, each on the server's port unless configured
/// with its own. A web page that rebinds its own name to 127.0.0.1 still sends its own name, and is refused before
/// anything is read or written.
/// </summary>
internal sealed partial class HostCheck(IReadOnlyList<HostString> configured, ILogger<HostCheck> log)
{
    public const string ProblemType = "host-not-allowed";

    private const int MaxWarnedHosts = 100;

    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    // Each refused Host is worth telling the user once (it may be theirs, and need configuring), not once a request.
    private readonly ConcurrentDictionary<string, bool> _warned = new(StringComparer.OrdinalIgnoreCase);

    public bool Admits(HttpContext context)
    {
        HostString host = context.Request.Host;
        if (!host.HasValue || host.Host.Length == 0)
        {
            return false;
        }

        int localPort = context.Connection.LocalPort;
        string name = host.Host;
        if (OnPort(host, localPort) && (LoopbackNames.Contains(name, StringComparer.OrdinalIgnoreCase) || IsReachedAddress(name, context.Connection.LocalIpAddress)))
        {
            return true;
        }

        return configured.Any(allowed => string.Equals(allowed.Host, name, StringComparison.OrdinalIgnoreCase) && OnPort(host, allowed.Port ?? localPort));
    }

    public async Task RefuseAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        string host = request.Host.HasValue ? request.Host.Value! : "(none)";
        if (_warned.Count < MaxWarnedHosts && _warned.TryAdd(host, true))
        {
            LogRefused(host, request.Method, request.Path.Value ?? string.Empty);
        }

        var problem = new ApiProblem(421, ProblemType, "The request is not addressed to this server",
            $"rgpt serve answers only requests whose Host is localhost, 127.0.0.1, [::1] or the address it listens on, with its port, " +
            $"or a name set in Serve:AllowedHosts; this request's Host is {host}");
        await ApiResults.Problem(problem, request.Path.Value).ExecuteAsync(context);
    }

    // A Host without a port means the scheme's default: 80, or 443 behind a proxy that ends TLS.
    private static bool OnPort(HostString host, int port) => host.Port is int given ? given == port : port is 80 or 443;

    /// <summary>The address the connection reached, written the one way a URL writes it (no other spelling of it).</summary>
    private static bool IsReachedAddress(string name, IPAddress? local)
    {
        if (local is null)
        {
            return false;
        }

        if (local.IsIPv4MappedToIPv6)
        {
            local = local.MapToIPv4();
        }

        string written = local.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{local}]" : local.ToString();
        return string.Equals(name, written, StringComparison.OrdinalIgnoreCase);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Refused a request for Host {Host} ({Method} {Path}): not this server's name; if it is yours, add it to Serve:AllowedHosts (RGPT_Serve__AllowedHosts__0)")]
    private partial void LogRefused(string host, string method, string path);
}
