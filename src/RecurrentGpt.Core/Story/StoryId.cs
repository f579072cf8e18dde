using System.Security.Cryptography;

namespace RecurrentGpt.Core.Story;

/// <summary>
/// Story ids: 3 to 40 lower-case letters, digits and hyphens, starting and ending with a letter or digit. Checked before
/// an id reaches a blob name, a table key, an instance id or a file name.
/// </summary>
public static class StoryId
{
    public const int MinLength = 3;
    public const int MaxLength = 40;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => "s-" + RandomNumberGenerator.GetString(Alphabet, 10);

    public static bool IsValid(string? id) =>
        id is { Length: >= MinLength and <= MaxLength }
        && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && id[0] != '-' && id[^1] != '-';

    /// <summary>The id itself when valid; otherwise an <see cref="ArgumentException"/> saying what a valid id looks like.</summary>
    public static string Require(string? id) =>
        IsValid(id) ? id! : throw new ArgumentException($"story id \"{id}\" is not valid: {Rule}", nameof(id));

    public const string Rule = "use 3 to 40 lower-case letters, digits and hyphens, starting and ending with a letter or digit";
}
