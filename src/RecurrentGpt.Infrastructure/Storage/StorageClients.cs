using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>The story container and the three tables, made once from <see cref="StorageOptions"/> and shared by the stores.</summary>
public sealed class StorageClients
{
    /// <param name="credential">Used only with service URIs; <c>DefaultAzureCredential</c> (managed identity on Azure) when null.</param>
    /// <param name="blobOptions">Client options for the blob service (retries, diagnostics, test pipeline policies).</param>
    /// <param name="tableOptions">Client options for the table service.</param>
    public StorageClients(StorageOptions options, TokenCredential? credential = null, BlobClientOptions? blobOptions = null, TableClientOptions? tableOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Storage settings are not usable: " + string.Join(" ", problems), nameof(options));
        }

        BlobServiceClient blobs;
        TableServiceClient tables;
        if (options.UsesTokenCredential)
        {
            credential ??= new DefaultAzureCredential();
            blobs = new BlobServiceClient(new Uri(options.BlobServiceUri!), credential, blobOptions);
            tables = new TableServiceClient(new Uri(options.TableServiceUri!), credential, tableOptions);
        }
        else
        {
            blobs = new BlobServiceClient(options.ConnectionString, blobOptions);
            tables = new TableServiceClient(options.ConnectionString, tableOptions);
        }

        Container = blobs.GetBlobContainerClient(options.ContainerName);
        StoryMemory = tables.GetTableClient(StorageOptions.StoryMemoryTable);
        Stories = tables.GetTableClient(StorageOptions.StoriesTable);
        DueWork = tables.GetTableClient(StorageOptions.DueWorkTable);
        WebhookDeliveries = tables.GetTableClient(StorageOptions.WebhookDeliveriesTable);
        Readers = tables.GetTableClient(StorageOptions.ReadersTable);
    }

    public BlobContainerClient Container { get; }

    public TableClient StoryMemory { get; }

    public TableClient Stories { get; }

    public TableClient DueWork { get; }

    public TableClient WebhookDeliveries { get; }

    public TableClient Readers { get; }

    /// <summary>Creates the container and the tables if they are missing; safe to call on every start.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await StoryMemory.CreateIfNotExistsAsync(cancellationToken);
        await Stories.CreateIfNotExistsAsync(cancellationToken);
        await DueWork.CreateIfNotExistsAsync(cancellationToken);
        await WebhookDeliveries.CreateIfNotExistsAsync(cancellationToken);
        await Readers.CreateIfNotExistsAsync(cancellationToken);
    }
}
