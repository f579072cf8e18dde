using System.Security.Cryptography;

namespace RecurrentGpt.Local.Cli;

/// <summary>Story ids: lower-case letters, digits and hyphens, 3 to 40 long, so they are safe in blob names, table keys and file names.</summary>
internal static class StoryIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => "s-" + RandomNumberGenerator.GetString(Alphabet, 10);

    public static string Check(string id)
    {
        bool valid = id.Length is >= 3 and <= 40
            && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            && char.IsLetterOrDigit(id[0]) && char.IsLetterOrDigit(id[^1]);
        return valid ? id : throw new UsageException($"story id \"{id}\" is not valid: use 3 to 40 lower-case letters, digits and hyphens, starting and ending with a letter or digit");
    }
}
