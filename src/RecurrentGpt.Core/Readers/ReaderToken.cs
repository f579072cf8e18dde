using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace RecurrentGpt.Core.Readers;

/// <summary>
/// A reader's anonymous token: 256 random bits, base64url, made on the first visit and kept by the reader's page. Only
/// its SHA-256 hash is stored; the token is the one thing that opens that reader's branch, and nothing else.
/// </summary>
public static class ReaderToken
{
    private const int RandomBytes = 32;

    /// <summary>The length of a token: 32 bytes in base64url, unpadded.</summary>
    public const int Length = 43;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>True when <paramref name="token"/> has a token's shape; a forged one may still have it, and is then simply unknown.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_');

    /// <summary>What is stored of a token: its SHA-256, lower-case hex. A 256-bit random token needs no salt to stay unguessable.</summary>
    public static string Hash(string token) =>
        IsWellFormed(token)
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)))
            : throw new ArgumentException("not a reader token", nameof(token));
}
