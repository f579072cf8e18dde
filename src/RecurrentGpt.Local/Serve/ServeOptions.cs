using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using RecurrentGpt.Local.Cli;

namespace RecurrentGpt.Local.Serve;

/// <summary>
/// The <c>Serve</c> settings of <c>rgpt serve</c> (<c>RGPT_Serve__…</c> or <c>rgpt.json</c>), checked at start-up so a
/// bad one ends in one line naming it before anything starts.
/// </summary>
internal sealed class ServeOptions
{
    public const string SectionName = "Serve";

    /// <summary>The key changes need; made fresh at each start when absent.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Names besides the loopback ones and the bound address that a request may give in its Host header: <c>name</c> (with
    /// the server's port) or <c>name:port</c> (behind a proxy that keeps its own port), e.g. <c>RGPT_Serve__AllowedHosts__0</c>.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>How long a client may take to send the request line and headers (Kestrel's RequestHeadersTimeout).</summary>
    public int RequestHeadersTimeoutSeconds { get; set; } = 30;

    /// <summary>How long a body may arrive slower than 240 bytes/s before it is given up with a 408 (Kestrel's MinRequestBodyDataRate grace).</summary>
    public int RequestBodyGraceSeconds { get; set; } = 5;

    public static ServeOptions From(IConfiguration configuration)
    {
        var options = new ServeOptions();
        configuration.GetSection(SectionName).Bind(options);
        options.Validate();
        return options;
    }

    /// <summary>The configured Host names, parsed; an entry without a port stands for the server's own port.</summary>
    public IReadOnlyList<HostString> AllowedHostNames() => [.. AllowedHosts.Select(entry => HostString.FromUriComponent(entry.Trim()))];

    private void Validate()
    {
        // Kestrel checks timeouts once a second: a grace of one second or less could never be met.
        if (RequestHeadersTimeoutSeconds is < 1 or > 600)
        {
            throw new UsageException($"{SectionName}:RequestHeadersTimeoutSeconds must be from 1 to 600, not {RequestHeadersTimeoutSeconds}");
        }

        if (RequestBodyGraceSeconds is < 2 or > 600)
        {
            throw new UsageException($"{SectionName}:RequestBodyGraceSeconds must be from 2 to 600, not {RequestBodyGraceSeconds}");
        }

        for (int i = 0; i < AllowedHosts.Count; i++)
        {
            string entry = AllowedHosts[i]?.Trim() ?? string.Empty;
            HostString host = HostString.FromUriComponent(entry);
            bool plain = entry.Length > 0 && entry.IndexOfAny(['/', '*', '@', ' ', '?', '#']) < 0 && host.Host.Length > 0
                && (entry.EndsWith(']') || !entry.Contains(':', StringComparison.Ordinal) || host.Port is > 0 and <= 65535);
            if (!plain)
            {
                throw new UsageException($"{SectionName}:AllowedHosts:{i} is \"{entry}\": give a host name or address, optionally with :port (no scheme, path or wildcard)");
            }
        }
    }
}
