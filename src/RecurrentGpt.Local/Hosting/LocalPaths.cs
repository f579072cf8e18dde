namespace RecurrentGpt.Local.Hosting;

/// <summary>Where rgpt keeps its data: <c>RGPT_DATA</c>, or <c>.data</c> in the current folder.</summary>
internal sealed record LocalPaths(string DataFolder)
{
    public string AzuriteData => Path.Combine(DataFolder, "azurite");

    public static LocalPaths FromEnvironment()
    {
        string? configured = Environment.GetEnvironmentVariable("RGPT_DATA");
        return new LocalPaths(Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? ".data" : configured));
    }
}
