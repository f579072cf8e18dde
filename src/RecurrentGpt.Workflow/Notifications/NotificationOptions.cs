using System.Net;
using RecurrentGpt.Infrastructure;

namespace RecurrentGpt.Workflow.Notifications;

/// <summary>Outbound callbacks (section <c>Notifications</c>). Without a signing secret no story may have a callback URL.</summary>
public sealed class NotificationOptions : ISelfValidatingOptions
{
    public const string SectionName = "Notifications";

    // A shorter HMAC key is within reach of guessing; receivers verify with the same secret.
    public const int MinSecretLength = 16;

    /// <summary>The HMAC key callbacks are signed with (same scheme as the incoming webhook); null turns callbacks off.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Development only: permits http:// callbacks and loopback addresses (127.0.0.0/8, ::1).</summary>
    public bool AllowLoopbackHttp { get; set; }

    /// <summary>CIDR ranges (e.g. <c>10.1.0.0/16</c>) that callbacks may reach although they are private or link-local.</summary>
    public List<string> AllowedNetworks { get; } = [];

    /// <summary>Attempts per notification, the first included.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Wait before the second attempt; doubles after each, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts, also the cap on a receiver's Retry-After.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one attempt: connecting, sending and reading the response status.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for resolving a callback host name.</summary>
    public TimeSpan ResolveTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsConfigured => !string.IsNullOrEmpty(SigningSecret);

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (KeyVaultReference.IsUnresolved(SigningSecret))
        {
            problems.Add(KeyVaultReference.Problem($"{SectionName}:SigningSecret"));
        }
        else if (!string.IsNullOrEmpty(SigningSecret) && (string.IsNullOrWhiteSpace(SigningSecret) || SigningSecret.Length < MinSecretLength))
        {
            problems.Add($"{SectionName}:SigningSecret, when set, must have at least {MinSecretLength} characters");
        }

        foreach (string network in AllowedNetworks)
        {
            if (!IPNetwork.TryParse(network, out IPNetwork parsed) || !network.Contains('/', StringComparison.Ordinal))
            {
                problems.Add($"{SectionName}:AllowedNetworks entry \"{network}\" is not a CIDR range such as 10.1.0.0/16");
            }
            else if (!parsed.BaseAddress.Equals(IPAddress.Parse(network[..network.IndexOf('/', StringComparison.Ordinal)])))
            {
                // The parser would silently widen 10.1.2.0/16 to 10.1.0.0/16: more than the writer may have meant to open.
                problems.Add($"{SectionName}:AllowedNetworks entry \"{network}\" has address bits past its prefix; did you mean {parsed}?");
            }
        }

        if (MaxAttempts is < 1 or > 10)
        {
            problems.Add($"{SectionName}:MaxAttempts must be from 1 to 10");
        }

        if (FirstRetryDelay < TimeSpan.Zero || FirstRetryDelay > TimeSpan.FromMinutes(1))
        {
            problems.Add($"{SectionName}:FirstRetryDelay must be from 0 to 1 minute");
        }

        if (MaxRetryDelay < FirstRetryDelay || MaxRetryDelay > TimeSpan.FromMinutes(5))
        {
            problems.Add($"{SectionName}:MaxRetryDelay must be from FirstRetryDelay to 5 minutes");
        }

        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(2))
        {
            problems.Add($"{SectionName}:RequestTimeout must be more than 0 and at most 2 minutes");
        }

        if (ResolveTimeout <= TimeSpan.Zero || ResolveTimeout > TimeSpan.FromMinutes(1))
        {
            problems.Add($"{SectionName}:ResolveTimeout must be more than 0 and at most 1 minute");
        }

        return problems;
    }
}
