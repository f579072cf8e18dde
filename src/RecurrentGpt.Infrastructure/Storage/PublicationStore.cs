using Azure;
using Azure.Data.Tables;
using RecurrentGpt.Core.Readers;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>
/// Publications and their readers. A publication is a row of the writer's story partition (the truth) and a pointer row
/// in table Readers, written first, so a reader address leads to the story; a pointer with no publication row behind it
/// (a publish that died half-way) leads nowhere. Readers are rows of table Readers, found by their token's hash.
/// </summary>
public sealed class PublicationStore(StorageClients clients)
{
    /// <summary>The most publications one story lists; publishing more is refused.</summary>
    public const int MaxPerStory = 100;

    private readonly TableClient _memory = clients.StoryMemory;
    private readonly TableClient _readers = clients.Readers;

    public async Task CreateAsync(Publication publication, StoryState frozen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publication);
        await _readers.UpsertEntityAsync(
            new TableEntity(publication.PublicationId, ReaderRow.PointerRow) { [nameof(Publication.StoryId)] = StoryId.Require(publication.StoryId) },
            TableUpdateMode.Replace, cancellationToken);
        await _memory.AddEntityAsync(PublicationRow.ToEntity(publication, frozen), cancellationToken);
    }

    /// <summary>The publication a reader address names, with the story state it froze and its row's ETag; null when there is none.</summary>
    public async Task<VersionedPublication?> GetAsync(string publicationId, CancellationToken cancellationToken)
    {
        if (!PublicationId.IsValid(publicationId))
        {
            return null;
        }

        NullableResponse<TableEntity> pointer = await _readers.GetEntityIfExistsAsync<TableEntity>(publicationId, ReaderRow.PointerRow, cancellationToken: cancellationToken);
        return pointer.HasValue ? await GetAsync(pointer.Value!.RequireString(nameof(Publication.StoryId)), publicationId, cancellationToken) : null;
    }

    public async Task<VersionedPublication?> GetAsync(string storyId, string publicationId, CancellationToken cancellationToken)
    {
        if (!PublicationId.IsValid(publicationId))
        {
            return null;
        }

        NullableResponse<TableEntity> row = await _memory.GetEntityIfExistsAsync<TableEntity>(
            StoryId.Require(storyId), PublicationRow.Key(publicationId), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        (Publication publication, StoryState frozen) = PublicationRow.FromEntity(row.Value!);
        return new VersionedPublication(publication, frozen, row.Value!.ETag.ToString());
    }

    /// <summary>The story's publications, oldest first by id order (bounded by <see cref="MaxPerStory"/>).</summary>
    public async Task<IReadOnlyList<Publication>> ListAsync(string storyId, CancellationToken cancellationToken)
    {
        string partition = StoryId.Require(storyId);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {PublicationRow.Prefix} and RowKey lt {"publication."}");
        var publications = new List<Publication>();
        await foreach (TableEntity entity in _memory.QueryAsync<TableEntity>(filter, MaxPerStory, cancellationToken: cancellationToken).WithCancellation(cancellationToken))
        {
            publications.Add(PublicationRow.FromEntity(entity).Publication);
            if (publications.Count == MaxPerStory)
            {
                break;
            }
        }

        return publications.OrderBy(p => p.CreatedAt).ToList();
    }

    /// <summary>Replaces the publication row read with <paramref name="etag"/>; a change meanwhile fails with <see cref="ConcurrencyConflictException"/>.</summary>
    public async Task ReplaceAsync(Publication publication, StoryState frozen, string etag, CancellationToken cancellationToken)
    {
        try
        {
            await _memory.UpdateEntityAsync(PublicationRow.ToEntity(publication, frozen), new ETag(etag), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException(publication.StoryId, $"publication {publication.PublicationId} changed since it was read", ex);
        }
    }

    /// <summary>Adds a reader; false when a reader with that token hash exists already (a token made twice: make another).</summary>
    public async Task<bool> TryAddReaderAsync(Reader reader, CancellationToken cancellationToken)
    {
        try
        {
            await _readers.AddEntityAsync(ReaderRow.ToEntity(reader), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<Reader?> GetReaderAsync(string publicationId, string tokenHash, CancellationToken cancellationToken)
    {
        if (!PublicationId.IsValid(publicationId))
        {
            return null;
        }

        NullableResponse<TableEntity> row = await _readers.GetEntityIfExistsAsync<TableEntity>(publicationId, ReaderRow.Key(tokenHash), cancellationToken: cancellationToken);
        return row.HasValue ? ReaderRow.FromEntity(row.Value!) : null;
    }

    /// <summary>The publication's readers, read a page at a time (for the writer's view; bounded by the reader count).</summary>
    public async IAsyncEnumerable<Reader> ListReadersAsync(string publicationId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {publicationId} and RowKey ge {ReaderRow.Prefix} and RowKey lt {"reader."}");
        await foreach (TableEntity entity in _readers.QueryAsync<TableEntity>(filter, 1000, cancellationToken: cancellationToken).WithCancellation(cancellationToken))
        {
            yield return ReaderRow.FromEntity(entity);
        }
    }
}
