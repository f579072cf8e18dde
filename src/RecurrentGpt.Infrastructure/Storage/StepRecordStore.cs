using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>Each step's full record (inputs, raw model output, parsed draft, tokens) as JSON at <c>{storyId}/steps/{step:D6}.json</c>.</summary>
public sealed class StepRecordStore(StorageClients clients)
{
    private const string ContentType = "application/json; charset=utf-8";

    private readonly BlobContainerClient _container = clients.Container;

    /// <summary>Writes the record; a retried step overwrites its own earlier attempt.</summary>
    public async Task WriteAsync(StepRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        BlobClient blob = _container.GetBlobClient(StorageKeys.StepBlob(record.StoryId, record.Step));
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ContentType } };
        await blob.UploadAsync(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(record, StorageJson.Options)), options, cancellationToken);
    }

    /// <summary>The step's record, or null when none was written.</summary>
    public async Task<StepRecord?> ReadAsync(string storyId, int step, CancellationToken cancellationToken)
    {
        BlobClient blob = _container.GetBlobClient(StorageKeys.StepBlob(storyId, step));
        try
        {
            Response<BlobDownloadResult> download = await blob.DownloadContentAsync(cancellationToken);
            StepRecord record = download.Value.Content.ToObjectFromJson<StepRecord>(StorageJson.Options)
                ?? throw new InvalidDataException($"Blob {blob.Name} holds JSON null.");
            return record.StoryId == storyId && record.Step == step
                ? record
                : throw new InvalidDataException($"Blob {blob.Name} holds the record of story '{record.StoryId}' step {record.Step}.");
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            return null;
        }
    }
}
