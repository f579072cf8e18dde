using Microsoft.Extensions.Configuration;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Local.Cli;

namespace RecurrentGpt.Local.Hosting;

/// <summary>
/// Where rgpt keeps stories: the <c>Storage</c> section as the Functions app reads it, and when it names no storage at all,
/// the Azurite rgpt manages, given to that same section as its connection string (so every other setting still counts).
/// </summary>
internal static class LocalStorage
{
    private const string ConnectionStringKey = StorageOptions.SectionName + ":" + nameof(StorageOptions.ConnectionString);

    /// <summary>A connection string or service URIs are set: rgpt uses them and starts no Azurite.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[ConnectionStringKey])
        || !string.IsNullOrWhiteSpace(configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.BlobServiceUri)}"])
        || !string.IsNullOrWhiteSpace(configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.TableServiceUri)}"]);

    /// <summary>The configuration with the managed Azurite's connection string in the Storage section, when rgpt runs one.</summary>
    public static IConfiguration WithManagedAzurite(IConfiguration configuration, string? azuriteConnectionString) =>
        azuriteConnectionString is null
            ? configuration
            : new ConfigurationBuilder()
                .AddConfiguration(configuration)
                .AddInMemoryCollection([new KeyValuePair<string, string?>(ConnectionStringKey, azuriteConnectionString)])
                .Build();

    /// <summary>The local durable runtime keeps its task hub in the same account, reached by connection string.</summary>
    public static string RuntimeConnectionString(IConfiguration configuration) =>
        configuration[ConnectionStringKey] is { Length: > 0 } connectionString
            ? connectionString
            : throw new UsageException(
                $"{ConnectionStringKey} is needed: rgpt's durable runtime reaches its storage by connection string "
                + "(service URIs with a managed identity are for the Functions app); or set neither, and rgpt runs Azurite");
}
