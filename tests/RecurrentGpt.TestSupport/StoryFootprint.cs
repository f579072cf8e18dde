using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using RecurrentGpt.Infrastructure.Storage;

namespace RecurrentGpt.TestSupport;

/// <summary>
/// Everything stored for a story, read straight from Azurite: every blob under its prefix (bytes and metadata) and every
/// table row of its partition and catalogue entry (all properties, ETag included). Two equal footprints mean nothing changed.
/// </summary>
public static class StoryFootprint
{
    public static async Task<string> ReadAsync(string connectionString, string storyId)
    {
        var text = new StringBuilder();
        BlobContainerClient container = new BlobServiceClient(connectionString).GetBlobContainerClient("stories");
        await foreach (BlobItem blob in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, storyId + "/", CancellationToken.None))
        {
            byte[] content = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
            text.Append("blob ").Append(blob.Name).Append(' ').Append(Convert.ToBase64String(content));
            foreach ((string key, string value) in blob.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                text.Append(' ').Append(key).Append('=').Append(value);
            }

            text.AppendLine();
        }

        var tables = new TableServiceClient(connectionString);
        await AppendRowsAsync(text, tables.GetTableClient(StorageOptions.StoryMemoryTable), $"PartitionKey eq '{storyId}'");
        await AppendRowsAsync(text, tables.GetTableClient(StorageOptions.StoriesTable), $"RowKey eq '{storyId}'");
        return text.ToString();
    }

    private static async Task AppendRowsAsync(StringBuilder text, TableClient table, string filter)
    {
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(filter))
        {
            text.Append("row ").Append(table.Name).Append(' ').Append(row.RowKey).Append(" etag=").Append(row.ETag);
            foreach (string key in row.Keys.Order(StringComparer.Ordinal))
            {
                text.Append(' ').Append(key).Append('=').Append(row[key] is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(row[key], System.Globalization.CultureInfo.InvariantCulture));
            }

            text.AppendLine();
        }
    }
}
