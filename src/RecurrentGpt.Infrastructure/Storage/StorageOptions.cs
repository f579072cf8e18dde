using System.Net;
using Microsoft.Extensions.Configuration;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>
/// The configuration section <c>Storage</c>: a connection string (Azurite by default), or the blob and table service
/// URIs when the hosts sign in with a managed identity.
/// </summary>
public sealed class StorageOptions : ISelfValidatingOptions
{
    public const string SectionName = "Storage";

    public const string DevelopmentConnectionString = "UseDevelopmentStorage=true";

    /// <summary>Table of story state, snapshots, paragraph rows and choices; partition = story id.</summary>
    public const string StoryMemoryTable = "StoryMemory";

    /// <summary>The catalogue: one row per story.</summary>
    public const string StoriesTable = "Stories";

    /// <summary>Time-driven work, keyed by due time.</summary>
    public const string DueWorkTable = "DueWork";

    /// <summary>Webhook delivery ids already handled, so a redelivery is a no-op.</summary>
    public const string WebhookDeliveriesTable = "WebhookDeliveries";

    /// <summary>Table of publications' readers: partition = publication id; the pointer to the story, a row per reader (by token hash), a row per day's spend.</summary>
    public const string ReadersTable = "Readers";

    /// <summary>Used when <see cref="BlobServiceUri"/> and <see cref="TableServiceUri"/> are empty.</summary>
    public string? ConnectionString { get; set; } = DevelopmentConnectionString;

    /// <summary>e.g. <c>https://account.blob.core.windows.net/</c>; with <see cref="TableServiceUri"/>, selects token sign-in.</summary>
    public string? BlobServiceUri { get; set; }

    /// <summary>e.g. <c>https://account.table.core.windows.net/</c>.</summary>
    public string? TableServiceUri { get; set; }

    public string ContainerName { get; set; } = "stories";

    public bool UsesTokenCredential => !string.IsNullOrWhiteSpace(BlobServiceUri) || !string.IsNullOrWhiteSpace(TableServiceUri);

    public static StorageOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(SectionName).Get<StorageOptions>() ?? new StorageOptions();
    }

    /// <summary>Every problem with these settings, each a sentence naming the setting; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (UsesTokenCredential)
        {
            CheckServiceUri(nameof(BlobServiceUri), BlobServiceUri, problems);
            CheckServiceUri(nameof(TableServiceUri), TableServiceUri, problems);
        }
        else if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add($"{SectionName}:{nameof(ConnectionString)} is required unless {SectionName}:{nameof(BlobServiceUri)} and "
                + $"{SectionName}:{nameof(TableServiceUri)} are set (use \"{DevelopmentConnectionString}\" for Azurite).");
        }

        if (!IsValidContainerName(ContainerName))
        {
            problems.Add($"{SectionName}:{nameof(ContainerName)} must be 3 to 63 lower-case letters, digits and single hyphens, "
                + $"starting and ending with a letter or digit; got '{ContainerName}'.");
        }

        return problems;
    }

    private static void CheckServiceUri(string setting, string? value, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{SectionName}:{setting} is required when either service URI is set (both are needed for managed identity).");
        }
        else if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{SectionName}:{setting} must be an absolute https URI; got '{value}'.");
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            // A bearer token would cross the network in clear text.
            problems.Add($"{SectionName}:{setting} must use https (plain http is accepted only for a loopback address); got '{value}'.");
        }
    }

    private static bool IsValidContainerName(string? name) =>
        name is { Length: >= 3 and <= 63 }
        && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && name[0] != '-' && name[^1] != '-'
        && !name.Contains("--", StringComparison.Ordinal);

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out IPAddress? address) && IPAddress.IsLoopback(address));
}
