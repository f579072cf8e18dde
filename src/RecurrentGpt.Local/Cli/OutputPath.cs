namespace RecurrentGpt.Local.Cli;

/// <summary>Checks that the output file can be written before any model call is made.</summary>
internal static class OutputPath
{
    public static string Prepare(string path)
    {
        try
        {
            string full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                throw new UsageException($"output path {path} is a folder; give a file name");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            string probe = full + ".tmp";
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return full;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot write to {path}: {ex.Message}");
        }
    }
}
