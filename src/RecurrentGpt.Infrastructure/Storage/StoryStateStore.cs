using Azure;
using Azure.Data.Tables;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>
/// Table StoryMemory, one partition per story: the ETag-guarded <c>state</c> row, memory snapshots, paragraph rows
/// (embedding and summary) and recorded plan choices.
/// </summary>
public sealed class StoryStateStore(StorageClients clients)
{
    // '.' follows '-' in ASCII, so "paragraph." bounds every "paragraph-NNNNNN" key from above.
    private const string AfterLastParagraphRow = "paragraph.";

    private const int PageSize = 1000;

    private readonly TableClient _table = clients.StoryMemory;

    /// <summary>Writes a new story's state and returns its ETag; throws <see cref="StoryAlreadyExistsException"/> if the story exists.</summary>
    public async Task<string> CreateAsync(StoryState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        TableEntity entity = StoryStateRow.ToEntity(state);
        try
        {
            Response response = await _table.AddEntityAsync(entity, cancellationToken);
            return response.Headers.ETag?.ToString() ?? throw MissingETag(state.StoryId);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new StoryAlreadyExistsException(state.StoryId, ex);
        }
    }

    /// <summary>The story's state and ETag; null when there is no such story.</summary>
    public async Task<VersionedState?> GetAsync(string storyId, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> response = await _table.GetEntityIfExistsAsync<TableEntity>(
            StoryId.Require(storyId), StorageKeys.StateRow, cancellationToken: cancellationToken);
        return response.HasValue
            ? new VersionedState(StoryStateRow.FromEntity(response.Value!), response.Value!.ETag.ToString())
            : null;
    }

    /// <summary>
    /// Replaces the state if it is unchanged since <paramref name="etag"/> was read, and returns the new ETag;
    /// otherwise throws <see cref="ConcurrencyConflictException"/> and leaves the stored state as it was.
    /// </summary>
    public async Task<string> ReplaceAsync(StoryState state, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrWhiteSpace(etag);
        if (etag == ETag.All.ToString())
        {
            // "*" would match any version and silently overwrite a concurrent change.
            throw new ArgumentException("A replace needs the ETag of the state it read, not the wildcard '*'.", nameof(etag));
        }

        TableEntity entity = StoryStateRow.ToEntity(state);
        try
        {
            Response response = await _table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag?.ToString() ?? throw MissingETag(state.StoryId);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            throw new ConcurrencyConflictException(state.StoryId, $"Story '{state.StoryId}' changed since its state was read; read it again and reapply the change.", ex);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new ConcurrencyConflictException(state.StoryId, $"Story '{state.StoryId}' has no state row to replace.", ex);
        }
    }

    /// <summary>Writes the memory as it was after a step; writing the same step again replaces it.</summary>
    public async Task WriteSnapshotAsync(string storyId, MemorySnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await _table.UpsertEntityAsync(MemorySnapshotRow.ToEntity(storyId, snapshot), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<MemorySnapshot?> GetSnapshotAsync(string storyId, int step, CancellationToken cancellationToken)
    {
        TableEntity? entity = await GetRowAsync(storyId, StorageKeys.SnapshotRow(step), cancellationToken);
        return entity is null ? null : MemorySnapshotRow.FromEntity(entity);
    }

    /// <summary>Writes a paragraph's row (embedding, summary, word count); an edited paragraph's new revision replaces it.</summary>
    public async Task UpsertParagraphAsync(string storyId, ParagraphEntry paragraph, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        await _table.UpsertEntityAsync(ParagraphRow.ToEntity(storyId, paragraph), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<ParagraphEntry?> GetParagraphAsync(string storyId, int index, CancellationToken cancellationToken)
    {
        TableEntity? entity = await GetRowAsync(storyId, StorageKeys.ParagraphRow(index), cancellationToken);
        return entity is null ? null : ParagraphRow.FromEntity(entity);
    }

    /// <summary>Paragraph rows with index ≥ <paramref name="fromIndex"/>, in order: one range query that reads only those rows.</summary>
    public Task<IReadOnlyList<ParagraphEntry>> GetParagraphsAsync(string storyId, int fromIndex, CancellationToken cancellationToken) =>
        QueryParagraphsAsync(storyId, StorageKeys.ParagraphRow(fromIndex), AfterLastParagraphRow, cancellationToken);

    /// <summary>Paragraph rows with <paramref name="fromIndex"/> ≤ index &lt; <paramref name="beforeIndex"/>, in order.</summary>
    public Task<IReadOnlyList<ParagraphEntry>> GetParagraphsAsync(string storyId, int fromIndex, int beforeIndex, CancellationToken cancellationToken)
    {
        if (beforeIndex <= fromIndex)
        {
            StoryId.Require(storyId);
            StorageKeys.Number(fromIndex, nameof(fromIndex));
            return Task.FromResult<IReadOnlyList<ParagraphEntry>>([]);
        }

        string upper = beforeIndex > StorageKeys.MaxNumber ? AfterLastParagraphRow : StorageKeys.ParagraphRow(beforeIndex);
        return QueryParagraphsAsync(storyId, StorageKeys.ParagraphRow(fromIndex), upper, cancellationToken);
    }

    /// <summary>
    /// Records the plan chosen for a step unless one is already recorded: true when this call recorded it. The insert is
    /// conditional on the row not existing, so among concurrent callers exactly one wins.
    /// </summary>
    public async Task<bool> TryRecordChoiceAsync(string storyId, PlanChoice choice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        TableEntity entity = PlanChoiceRow.ToEntity(storyId, choice);
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<PlanChoice?> GetChoiceAsync(string storyId, int step, CancellationToken cancellationToken)
    {
        TableEntity? entity = await GetRowAsync(storyId, StorageKeys.ChoiceRow(step), cancellationToken);
        return entity is null ? null : PlanChoiceRow.FromEntity(entity);
    }

    private async Task<TableEntity?> GetRowAsync(string storyId, string rowKey, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> response = await _table.GetEntityIfExistsAsync<TableEntity>(
            StoryId.Require(storyId), rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private async Task<IReadOnlyList<ParagraphEntry>> QueryParagraphsAsync(string storyId, string fromRowKey, string beforeRowKey, CancellationToken cancellationToken)
    {
        string partition = StoryId.Require(storyId);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {fromRowKey} and RowKey lt {beforeRowKey}");
        var paragraphs = new List<ParagraphEntry>();
        await foreach (TableEntity entity in _table.QueryAsync<TableEntity>(filter, PageSize, cancellationToken: cancellationToken).WithCancellation(cancellationToken))
        {
            paragraphs.Add(ParagraphRow.FromEntity(entity));
        }

        return paragraphs;
    }

    private static InvalidOperationException MissingETag(string storyId) =>
        new($"The table service returned no ETag for story '{storyId}'.");
}
