using System.Reflection;
using System.Text.Json;

namespace RecurrentGpt.Deploy.Tests;

/// <summary>Where the deployment's files are: the repository itself, the Functions build output and the tools.</summary>
internal static class Repository
{
    public static string Root => Metadata("RepositoryRoot");

    public static string Infra => Path.Combine(Root, "infra");

    public static string MainBicep => Path.Combine(Infra, "main.bicep");

    public static string Workflows => Path.Combine(Root, ".github", "workflows");

    public static string DeployDoc => Path.Combine(Root, "docs", "DEPLOY.md");

    public static string HostJson => Path.Combine(Root, "host.json");

    public static string FunctionsMetadata => Path.Combine(Metadata("FunctionsOutput"), "functions.metadata");

    /// <summary>The bicep executable inside the Azure.Bicep.CommandLine.linux-x64 package in the NuGet cache.</summary>
    /// <remarks>The package's props write the path with backslashes.</remarks>
    public static string Bicep => Path.GetFullPath(Metadata("BicepPath").Replace('\\', Path.DirectorySeparatorChar));

    /// <summary>@action-validator/cli, installed into the tools folder by test.sh.</summary>
    public static string ActionValidator =>
        Path.Combine(Root, ".tools", "action-validator", "node_modules", "@action-validator", "cli", "cli.mjs");

    public static IReadOnlyList<string> BicepFiles() =>
        Directory.EnumerateFiles(Infra, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> WorkflowFiles() =>
        Directory.EnumerateFiles(Workflows).Where(path => path.EndsWith(".yml", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();

    public static JsonElement ReadJson(string path) =>
        JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }).RootElement;

    public static string Relative(string path) => Path.GetRelativePath(Root, path);

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is empty");
}
