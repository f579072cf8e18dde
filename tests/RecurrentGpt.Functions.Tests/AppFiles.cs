using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace RecurrentGpt.Functions.Tests;

/// <summary>The Functions project's files as the host sees them, and the example settings as configuration.</summary>
internal static class AppFiles
{
    public static string Output => Metadata("FunctionsOutput");

    public static string Project => Metadata("FunctionsProject");

    public static JsonElement ReadJson(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    /// <summary>The example's Values, as the worker reads them: environment variables, with <c>__</c> for <c>:</c>.</summary>
    public static Dictionary<string, string?> ExampleSettings() =>
        ReadJson(Path.Combine(Project, "local.settings.example.json")).GetProperty("Values").EnumerateObject()
            .ToDictionary(setting => setting.Name.Replace("__", ":", StringComparison.Ordinal), setting => (string?)setting.Value.GetString());

    /// <summary>The example settings with a private Azurite and any overrides.</summary>
    public static IConfiguration Configuration(string storageConnectionString, params (string Key, string? Value)[] overrides)
    {
        Dictionary<string, string?> settings = ExampleSettings();
        settings["Storage:ConnectionString"] = storageConnectionString;
        foreach ((string key, string? value) in overrides)
        {
            settings[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    private static string Metadata(string key) =>
        typeof(AppFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is empty");
}
