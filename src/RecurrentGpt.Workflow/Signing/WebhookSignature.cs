using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RecurrentGpt.Workflow.Signing;

/// <summary>
/// The one signing scheme for webhooks in both directions: HMAC-SHA256 over "{unix seconds}." followed by the raw body,
/// sent as <c>sha256={hex}</c>. Signing the timestamp with the body lets a receiver reject replays outside the window.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-RGPT-Timestamp";
    public const string SignatureHeader = "X-RGPT-Signature";
    public const string DeliveryHeader = "X-RGPT-Delivery";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private const string Prefix = "sha256=";

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(Compute(secret, unixSeconds, body));

    public static string Timestamp(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static SignatureCheck Verify(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (string.IsNullOrWhiteSpace(timestamp) || string.IsNullOrWhiteSpace(signature))
        {
            return SignatureCheck.Missing;
        }

        if (!long.TryParse(timestamp.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
            || !signature.Trim().StartsWith(Prefix, StringComparison.Ordinal)
            || signature.Trim().Length != Prefix.Length + 64)
        {
            return SignatureCheck.Malformed;
        }

        byte[] claimed;
        try
        {
            claimed = Convert.FromHexString(signature.Trim().AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return SignatureCheck.Malformed;
        }

        if (seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Window)
        {
            return SignatureCheck.OutsideWindow;
        }

        return CryptographicOperations.FixedTimeEquals(claimed, Compute(secret, seconds, body))
            ? SignatureCheck.Valid
            : SignatureCheck.Mismatch;
    }

    private static byte[] Compute(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        byte[] prefix = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
