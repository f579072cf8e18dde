using System.Security.Cryptography;

namespace RecurrentGpt.Core.Readers;

/// <summary>
/// A publication's id, the public part of its reader address: "p-" and 20 random letters and digits (103 bits), so a
/// publication cannot be found by counting. Checked before it reaches a table key.
/// </summary>
public static class PublicationId
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const int RandomChars = 20;
    private const string Prefix = "p-";

    public const string Rule = "a publication id is \"p-\" and 20 lower-case letters and digits";

    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, RandomChars);

    public static bool IsValid(string? id) =>
        id is { Length: RandomChars + 2 } && id.StartsWith(Prefix, StringComparison.Ordinal)
        && id.AsSpan(Prefix.Length).ContainsAnyExcept(Alphabet) is false;

    /// <summary>A reader's own story: "r-" and 20 random letters and digits, a valid story id no writer would pick by chance.</summary>
    public static string NewReaderStoryId() => "r-" + RandomNumberGenerator.GetString(Alphabet, RandomChars);
}
