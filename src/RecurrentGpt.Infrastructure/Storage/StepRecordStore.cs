using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>
/// Each step's full record (inputs, raw model output, parsed draft, tokens) as JSON at <c>{line folder}steps/{step:D6}.json</c>,
/// and the opening's at <c>{storyId}/steps/opening.json</c> (the opening is always its story's branch 0).
/// </summary>
public sealed class StepRecordStore(StorageClients clients)
{
    private const string ContentType = "application/json; charset=utf-8";

    private readonly BlobContainerClient _container = clients.Container;

    /// <summary>Writes the record; a retried step overwrites its own earlier attempt.</summary>
    public Task WriteAsync(StepRecord record, CancellationToken cancellationToken) =>
        WriteAsync(LineRef.Root(record?.StoryId ?? throw new ArgumentNullException(nameof(record))), record, cancellationToken);

    /// <summary>Writes the record into <paramref name="line"/>, a line of the record's story.</summary>
    public Task WriteAsync(LineRef line, StepRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return UploadAsync(StorageKeys.StepBlob(line, record.Step), record, cancellationToken);
    }

    /// <summary>The step's record, or null when none was written.</summary>
    public Task<StepRecord?> ReadAsync(string storyId, int step, CancellationToken cancellationToken) =>
        ReadAsync(LineRef.Root(storyId), step, cancellationToken);

    public async Task<StepRecord?> ReadAsync(LineRef line, int step, CancellationToken cancellationToken)
    {
        string name = StorageKeys.StepBlob(line, step);
        StepRecord? record = await DownloadAsync<StepRecord>(name, cancellationToken);
        return record is null || (record.StoryId == line.StoryId && record.Step == step)
            ? record
            : throw new InvalidDataException($"Blob {name} holds the record of story '{record.StoryId}' step {record.Step}.");
    }

    /// <summary>The number of every step record the story has, in order (the opening's record is not among them).</summary>
    public Task<IReadOnlyList<int>> ListStepsAsync(string storyId, CancellationToken cancellationToken) =>
        ListStepsAsync(LineRef.Root(storyId), cancellationToken);

    public async Task<IReadOnlyList<int>> ListStepsAsync(LineRef line, CancellationToken cancellationToken)
    {
        var steps = new List<int>();
        await foreach (BlobItem blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, StorageKeys.BlobFolder(line, "steps"), cancellationToken))
        {
            if (StorageKeys.NumberOfBlob(blob.Name) is int step)
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    public Task WriteOpeningAsync(OpeningRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return UploadAsync(StorageKeys.OpeningBlob(record.StoryId), record, cancellationToken);
    }

    public async Task<OpeningRecord?> ReadOpeningAsync(string storyId, CancellationToken cancellationToken)
    {
        string name = StorageKeys.OpeningBlob(storyId);
        OpeningRecord? record = await DownloadAsync<OpeningRecord>(name, cancellationToken);
        return record is null || record.StoryId == storyId
            ? record
            : throw new InvalidDataException($"Blob {name} holds the opening of story '{record.StoryId}'.");
    }

    private async Task UploadAsync<T>(string name, T value, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ContentType } };
        await _container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(value, StorageJson.Options)), options, cancellationToken);
    }

    private async Task<T?> DownloadAsync<T>(string name, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            Response<BlobDownloadResult> download = await _container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return download.Value.Content.ToObjectFromJson<T>(StorageJson.Options)
                ?? throw new InvalidDataException($"Blob {name} holds JSON null.");
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            return null;
        }
    }
}
