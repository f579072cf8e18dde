using System.Reflection;

namespace RecurrentGpt.Local.Cli;

/// <summary>The version rgpt reports: the assembly's, with the commit the SDK records at build time when it is built from git.</summary>
internal static class RgptVersion
{
    public static string Line
    {
        get
        {
            string informational = typeof(RgptVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? typeof(RgptVersion).Assembly.GetName().Version?.ToString(3)
                ?? "unknown";
            int plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0
                ? $"rgpt {informational}"
                : $"rgpt {informational[..plus]} (commit {informational[(plus + 1)..][..Math.Min(12, informational.Length - plus - 1)]})";
        }
    }
}
