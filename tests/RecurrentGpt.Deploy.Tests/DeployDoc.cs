namespace RecurrentGpt.Deploy.Tests;

/// <summary>The tables of docs/DEPLOY.md that name app settings, so the documentation and infra/ cannot drift apart.</summary>
internal static class DeployDoc
{
    public const string SetByInfra = "### Set by infra/";

    public const string LeftUnset = "### Left unset on Azure";

    /// <summary>The setting names (first cell, in backticks) of the table under a heading.</summary>
    public static IReadOnlyList<string> SettingsUnder(string heading)
    {
        string[] lines = File.ReadAllLines(Repository.DeployDoc);
        int start = Array.FindIndex(lines, line => line.Trim().StartsWith(heading, StringComparison.Ordinal));
        Assert.True(start >= 0, $"docs/DEPLOY.md has no heading '{heading}'");

        var names = new List<string>();
        foreach (string line in lines.Skip(start + 1).TakeWhile(line => !line.StartsWith('#')))
        {
            string[] cells = line.Trim().Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length > 2 && cells[1].StartsWith('`') && cells[1].EndsWith('`'))
            {
                names.Add(cells[1].Trim('`'));
            }
        }

        Assert.True(names.Count > 0, $"docs/DEPLOY.md has no settings table under '{heading}'");
        return names;
    }
}
