using System.Reflection;
using System.Text.RegularExpressions;
using RecurrentGpt.Api;
using RecurrentGpt.Functions;
using RecurrentGpt.Infrastructure.Embeddings;
using RecurrentGpt.Infrastructure.Models;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Notifications;

namespace RecurrentGpt.Deploy.Tests;

/// <summary>
/// The app settings the app reads, in their environment-variable form (<c>Section__Key</c>), found where the app
/// declares them: the options classes it binds, the %setting% expressions of its bindings (functions.metadata) and
/// of host.json, host.json's storage connection, and the telemetry settings FunctionsServices looks for.
/// </summary>
internal static partial class AppSettingNames
{
    public static readonly IReadOnlyDictionary<string, Type> BoundSections = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [StorageOptions.SectionName] = typeof(StorageOptions),
        [ModelOptions.SectionName] = typeof(ModelOptions),
        [EmbeddingOptions.SectionName] = typeof(EmbeddingOptions),
        [WorkflowOptions.SectionName] = typeof(WorkflowOptions),
        [NotificationOptions.SectionName] = typeof(NotificationOptions),
        [WebhookOptions.SectionName] = typeof(WebhookOptions),
    };

    /// <summary>Settings read by the platform or a library rather than by the app's own code, and who reads them.</summary>
    public static IReadOnlyDictionary<string, string> PlatformSettings()
    {
        string connection = StorageConnection();
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{connection}__accountName"] = "the Functions host and Durable Functions (host.json connectionName), identity-based",
            [$"{connection}__credential"] = "the same, choosing a managed identity",
            [$"{connection}__clientId"] = "the same, choosing the user-assigned identity",
            ["AZURE_CLIENT_ID"] = "Azure.Identity's DefaultAzureCredential in the worker (stories, Azure OpenAI), choosing the user-assigned identity",
        };
    }

    /// <summary>Every setting the app reads, with where it was found.</summary>
    public static IReadOnlyDictionary<string, string> ReadByTheApp()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string section, Type options) in BoundSections)
        {
            foreach (PropertyInfo property in options.GetProperties().Where(IsBound))
            {
                names.TryAdd($"{section}__{property.Name}", $"{options.Name}.{property.Name}");
            }
        }

        foreach (string expression in Placeholders(File.ReadAllText(Repository.FunctionsMetadata)))
        {
            names.TryAdd(EnvironmentForm(expression), "a binding in functions.metadata");
        }

        foreach (string expression in Placeholders(File.ReadAllText(Repository.HostJson)))
        {
            names.TryAdd(EnvironmentForm(expression), "host.json");
        }

        names.TryAdd(StorageConnection(), "host.json durableTask connectionName (a connection: set as Name or Name__*)");
        names.TryAdd(FunctionsServices.ApplicationInsightsSetting, nameof(FunctionsServices));
        names.TryAdd(FunctionsServices.ApplicationInsightsAuthenticationSetting, nameof(FunctionsServices));
        return names;
    }

    /// <summary>The storage connection the durable backend (and so the host) uses.</summary>
    public static string StorageConnection() =>
        Repository.ReadJson(Repository.HostJson).GetProperty("extensions").GetProperty("durableTask")
            .GetProperty("storageProvider").GetProperty("connectionName").GetString()!;

    public static string EnvironmentForm(string configurationKey) => configurationKey.Replace(":", "__", StringComparison.Ordinal);

    // What the configuration binder fills: settable properties, and collections it can add to.
    private static bool IsBound(PropertyInfo property) =>
        property.SetMethod?.IsPublic == true
        || (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(List<>));

    private static IEnumerable<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(match => match.Groups["name"].Value).Distinct(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"%(?<name>[A-Za-z_][A-Za-z0-9_:.]*)%")]
    private static partial Regex Placeholder();
}
