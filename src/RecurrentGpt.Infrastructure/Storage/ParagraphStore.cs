using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>
/// Paragraph texts, one blob each at <c>{line folder}paragraphs/{index:D6}.md</c> (see <see cref="StorageKeys.LineFolder"/>),
/// with step, revision and author as metadata. The overloads that take a story id read and write its branch 0.
/// </summary>
public sealed class ParagraphStore(StorageClients clients)
{
    /// <summary>A range read runs at most this many downloads at once: fast, without flooding the account or the thread pool.</summary>
    public const int MaxParallelReads = 8;

    /// <summary>The most paragraphs one range read returns.</summary>
    public const int MaxRangeCount = 1000;

    private const string StepKey = "step";
    private const string RevisionKey = "revision";
    private const string AuthorKey = "author";
    private const string ContentType = "text/markdown; charset=utf-8";

    private readonly BlobContainerClient _container = clients.Container;

    /// <summary>Writes (or overwrites) the paragraph's blob: writing the same content for the same index again changes nothing.</summary>
    public Task WriteAsync(string storyId, StoredParagraph paragraph, CancellationToken cancellationToken) =>
        WriteAsync(LineRef.Root(storyId), paragraph, cancellationToken);

    public async Task WriteAsync(LineRef line, StoredParagraph paragraph, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        BlobClient blob = _container.GetBlobClient(StorageKeys.ParagraphBlob(line, paragraph.Index));
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = ContentType },
            Metadata = new Dictionary<string, string>
            {
                [StepKey] = paragraph.Step.ToString(CultureInfo.InvariantCulture),
                [RevisionKey] = paragraph.Revision.ToString(CultureInfo.InvariantCulture),
                [AuthorKey] = AuthorName(paragraph.Author),
            },
        };
        await blob.UploadAsync(BinaryData.FromString(paragraph.Text), options, cancellationToken);
    }

    /// <summary>The paragraph, or null when it has not been written.</summary>
    public Task<StoredParagraph?> ReadAsync(string storyId, int index, CancellationToken cancellationToken) =>
        ReadAsync(LineRef.Root(storyId), index, cancellationToken);

    public async Task<StoredParagraph?> ReadAsync(LineRef line, int index, CancellationToken cancellationToken)
    {
        BlobClient blob = _container.GetBlobClient(StorageKeys.ParagraphBlob(line, index));
        try
        {
            Response<BlobDownloadResult> download = await blob.DownloadContentAsync(cancellationToken);
            IDictionary<string, string> metadata = download.Value.Details.Metadata;
            return new StoredParagraph(
                index,
                download.Value.Content.ToString(),
                ReadNumber(metadata, StepKey, blob.Name),
                ReadNumber(metadata, RevisionKey, blob.Name),
                ReadAuthor(metadata, blob.Name));
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Paragraphs <paramref name="firstIndex"/> to <paramref name="firstIndex"/> + <paramref name="count"/> − 1 that exist, in index
    /// order, downloaded in parallel (at most <see cref="MaxParallelReads"/> at once).
    /// </summary>
    public Task<IReadOnlyList<StoredParagraph>> ReadRangeAsync(string storyId, int firstIndex, int count, CancellationToken cancellationToken) =>
        ReadRangeAsync(LineRef.Root(storyId), firstIndex, count, cancellationToken);

    public async Task<IReadOnlyList<StoredParagraph>> ReadRangeAsync(LineRef line, int firstIndex, int count, CancellationToken cancellationToken)
    {
        StoryId.Require(line.StoryId);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxRangeCount);
        StorageKeys.Number(firstIndex, nameof(firstIndex));
        if (count == 0)
        {
            return [];
        }

        StorageKeys.Number(firstIndex + count - 1, nameof(count));
        var paragraphs = new StoredParagraph?[count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxParallelReads, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (offset, token) =>
            paragraphs[offset] = await ReadAsync(line, firstIndex + offset, token));
        return paragraphs.OfType<StoredParagraph>().ToList();
    }

    /// <summary>The index of every paragraph blob the story has, in order: what is there, whatever the state row counts.</summary>
    public Task<IReadOnlyList<int>> ListIndexesAsync(string storyId, CancellationToken cancellationToken) =>
        ListIndexesAsync(LineRef.Root(storyId), cancellationToken);

    public async Task<IReadOnlyList<int>> ListIndexesAsync(LineRef line, CancellationToken cancellationToken)
    {
        var indexes = new List<int>();
        await foreach (BlobItem blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, StorageKeys.BlobFolder(line, "paragraphs"), cancellationToken))
        {
            if (StorageKeys.NumberOfBlob(blob.Name) is int index)
            {
                indexes.Add(index);
            }
        }

        return indexes;
    }

    private static string AuthorName(ParagraphAuthor author) => author switch
    {
        ParagraphAuthor.Model => "model",
        ParagraphAuthor.Human => "human",
        _ => throw new ArgumentOutOfRangeException(nameof(author), author, "unknown paragraph author"),
    };

    private static ParagraphAuthor ReadAuthor(IDictionary<string, string> metadata, string blobName) =>
        metadata.TryGetValue(AuthorKey, out string? author) ? author switch
        {
            "model" => ParagraphAuthor.Model,
            "human" => ParagraphAuthor.Human,
            _ => throw new InvalidDataException($"Blob {blobName}: metadata {AuthorKey} is '{author}', not model or human."),
        }
        : throw new InvalidDataException($"Blob {blobName} has no {AuthorKey} metadata.");

    private static int ReadNumber(IDictionary<string, string> metadata, string key, string blobName) =>
        metadata.TryGetValue(key, out string? text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new InvalidDataException($"Blob {blobName} has no numeric {key} metadata.");
}
