using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Local.Cli;
using RecurrentGpt.Local.Runtime.Azurite;

namespace RecurrentGpt.Local.Hosting;

/// <summary>
/// Where rgpt keeps stories: the <c>Storage</c> section as the Functions app reads it, and when it names no storage at all,
/// the Azurite of rgpt's data folder, given to that same section as its connection string (so every other setting still
/// counts). Configured storage is checked before anything starts: a connection string that does not parse, or whose
/// services do not answer within a few seconds, is one line naming the setting.
/// </summary>
internal static class LocalStorage
{
    public const string AzuriteSection = "Azurite";
    private const string ConnectionStringKey = StorageOptions.SectionName + ":" + nameof(StorageOptions.ConnectionString);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>A connection string or service URIs are set: rgpt uses them and starts no Azurite.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[ConnectionStringKey])
        || !string.IsNullOrWhiteSpace(configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.BlobServiceUri)}"])
        || !string.IsNullOrWhiteSpace(configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.TableServiceUri)}"]);

    /// <summary>The ports a newly started Azurite takes if they are free: <c>Azurite:BlobPort</c>, <c>QueuePort</c>, <c>TablePort</c> (10000-10002).</summary>
    public static AzuriteEndpoints PreferredAzurite(IConfiguration configuration)
    {
        AzuriteEndpoints defaults = new();
        IConfigurationSection section = configuration.GetSection(AzuriteSection);
        return new AzuriteEndpoints(
            Port(section, nameof(AzuriteEndpoints.BlobPort), defaults.BlobPort),
            Port(section, nameof(AzuriteEndpoints.QueuePort), defaults.QueuePort),
            Port(section, nameof(AzuriteEndpoints.TablePort), defaults.TablePort));
    }

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
                $"{SettingProblems.Name(ConnectionStringKey)} is needed: rgpt's durable runtime reaches its storage by connection string "
                + "(service URIs with a managed identity are for the Functions app); or set neither, and rgpt runs Azurite");

    /// <summary>The three service endpoints of a connection string, or a <see cref="UsageException"/> saying it is not one.</summary>
    public static StorageEndpoints ParseConnectionString(string connectionString)
    {
        try
        {
            return new StorageEndpoints(
                new BlobServiceClient(connectionString).Uri,
                new QueueServiceClient(connectionString).Uri,
                new TableServiceClient(connectionString).Uri,
                new BlobServiceClient(connectionString).AccountName);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or UriFormatException)
        {
            throw new UsageException($"the setting {SettingProblems.Name(ConnectionStringKey)} is not a storage connection string ({ex.Message.TrimEnd('.')})");
        }
    }

    /// <summary>Connects to each endpoint's host and port, a few seconds at most, so storage that is not there is said at once.</summary>
    public static async Task ProbeAsync(StorageEndpoints endpoints, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        (string Service, Uri Uri)[] services = [("blob", endpoints.Blob), ("queue", endpoints.Queue), ("table", endpoints.Table)];
        string?[] problems = await Task.WhenAll(services.Select(service => ProbeAsync(service.Service, service.Uri, timeout.Token)));
        cancellationToken.ThrowIfCancellationRequested();
        if (problems.FirstOrDefault(problem => problem is not null) is string problem)
        {
            throw new UsageException($"the storage in {SettingProblems.Name(ConnectionStringKey)} does not answer: {problem}; start it, or correct the setting");
        }
    }

    public static string Describe(StorageEndpoints endpoints) =>
        $"Storage: the account in {ConnectionStringKey} ({endpoints.AccountName}, blobs at {endpoints.Blob.GetLeftPart(UriPartial.Authority)})";

    public static string Describe(SharedAzurite azurite)
    {
        AzuriteEndpoints ports = azurite.Endpoints;
        string where = ports.QueuePort == ports.BlobPort + 1 && ports.TablePort == ports.BlobPort + 2
            ? $"127.0.0.1:{ports.BlobPort}-{ports.TablePort}"
            : $"127.0.0.1 (blob {ports.BlobPort}, queue {ports.QueuePort}, table {ports.TablePort})";
        string how = azurite.Sharing switch
        {
            AzuriteSharing.StartedHere => "started by this rgpt",
            AzuriteSharing.SharedWithOthers => azurite.OtherUsers.Count == 1
                ? $"shared with another rgpt (pid {azurite.OtherUsers[0]})"
                : $"shared with {azurite.OtherUsers.Count} other rgpt processes",
            _ => "left running by an earlier rgpt",
        };
        return $"Storage: Azurite at {where} (data in {azurite.DataFolder}), {how}";
    }

    private static int Port(IConfigurationSection section, string name, int fallback)
    {
        int port = SettingProblems.Bind(() => section.GetValue(name, fallback));
        return port is >= 1 and <= 65535
            ? port
            : throw new UsageException($"the setting {SettingProblems.Name($"{AzuriteSection}:{name}")} is {port}; it must be a port from 1 to 65535");
    }

    private static async Task<string?> ProbeAsync(string service, Uri uri, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(uri.Host, uri.Port, cancellationToken);
            return null;
        }
        catch (OperationCanceledException)
        {
            return $"no answer from {uri.Authority} ({service}) within {ProbeTimeout.TotalSeconds:0} s";
        }
        catch (SocketException ex)
        {
            return $"{uri.Authority} ({service}): {ex.Message}";
        }
    }
}
