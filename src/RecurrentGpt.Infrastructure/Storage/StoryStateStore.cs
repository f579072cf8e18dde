using Azure;
using Azure.Data.Tables;
using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>
/// Table StoryMemory, one partition per story: the ETag-guarded <c>state</c> row, memory snapshots, paragraph rows
/// (embedding and summary) and recorded plan choices. Rows of a branch other than 0 carry its prefix
/// (<see cref="StorageKeys.LineRowPrefix"/>); the overloads that take a story id read and write its branch 0.
/// </summary>
public sealed class StoryStateStore(StorageClients clients)
{
    // '.' follows '-' in ASCII, so "paragraph." bounds every "paragraph-NNNNNN" key from above.
    private const string AfterLastParagraphRow = "paragraph.";
    private const string BranchRowPrefix = "branch-";
    private const string AfterLastBranchRow = "branch.";

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
    public Task WriteSnapshotAsync(string storyId, MemorySnapshot snapshot, CancellationToken cancellationToken) =>
        WriteSnapshotAsync(LineRef.Root(storyId), snapshot, cancellationToken);

    public async Task WriteSnapshotAsync(LineRef line, MemorySnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await _table.UpsertEntityAsync(MemorySnapshotRow.ToEntity(line, snapshot), TableUpdateMode.Replace, cancellationToken);
    }

    public Task<MemorySnapshot?> GetSnapshotAsync(string storyId, int step, CancellationToken cancellationToken) =>
        GetSnapshotAsync(LineRef.Root(storyId), step, cancellationToken);

    public async Task<MemorySnapshot?> GetSnapshotAsync(LineRef line, int step, CancellationToken cancellationToken)
    {
        TableEntity? entity = await GetRowAsync(line.StoryId, StorageKeys.SnapshotRow(line, step), cancellationToken);
        return entity is null ? null : MemorySnapshotRow.FromEntity(entity);
    }

    /// <summary>Writes a paragraph's row (embedding, summary, word count); an edited paragraph's new revision replaces it.</summary>
    public Task UpsertParagraphAsync(string storyId, ParagraphEntry paragraph, CancellationToken cancellationToken) =>
        UpsertParagraphAsync(LineRef.Root(storyId), paragraph, cancellationToken);

    public async Task UpsertParagraphAsync(LineRef line, ParagraphEntry paragraph, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        await _table.UpsertEntityAsync(ParagraphRow.ToEntity(line, paragraph), TableUpdateMode.Replace, cancellationToken);
    }

    public Task<ParagraphEntry?> GetParagraphAsync(string storyId, int index, CancellationToken cancellationToken) =>
        GetParagraphAsync(LineRef.Root(storyId), index, cancellationToken);

    public async Task<ParagraphEntry?> GetParagraphAsync(LineRef line, int index, CancellationToken cancellationToken)
    {
        TableEntity? entity = await GetRowAsync(line.StoryId, StorageKeys.ParagraphRow(line, index), cancellationToken);
        return entity is null ? null : ParagraphRow.FromEntity(entity);
    }

    /// <summary>Paragraph rows with index ≥ <paramref name="fromIndex"/>, in order: one range query that reads only those rows.</summary>
    public Task<IReadOnlyList<ParagraphEntry>> GetParagraphsAsync(string storyId, int fromIndex, CancellationToken cancellationToken) =>
        GetParagraphsAsync(LineRef.Root(storyId), fromIndex, StorageKeys.MaxNumber + 1, cancellationToken);

    /// <summary>Paragraph rows with <paramref name="fromIndex"/> ≤ index &lt; <paramref name="beforeIndex"/>, in order.</summary>
    public Task<IReadOnlyList<ParagraphEntry>> GetParagraphsAsync(string storyId, int fromIndex, int beforeIndex, CancellationToken cancellationToken) =>
        GetParagraphsAsync(LineRef.Root(storyId), fromIndex, beforeIndex, cancellationToken);

    /// <summary>The rows of <paramref name="line"/> with <paramref name="fromIndex"/> ≤ index &lt; <paramref name="beforeIndex"/>, in order.</summary>
    public Task<IReadOnlyList<ParagraphEntry>> GetParagraphsAsync(LineRef line, int fromIndex, int beforeIndex, CancellationToken cancellationToken)
    {
        if (beforeIndex <= fromIndex)
        {
            StoryId.Require(line.StoryId);
            StorageKeys.Number(fromIndex, nameof(fromIndex));
            return Task.FromResult<IReadOnlyList<ParagraphEntry>>([]);
        }

        string prefix = StorageKeys.LineRowPrefix(line);
        string upper = beforeIndex > StorageKeys.MaxNumber ? prefix + AfterLastParagraphRow : StorageKeys.ParagraphRow(line, beforeIndex);
        return QueryParagraphsAsync(line.StoryId, StorageKeys.ParagraphRow(line, fromIndex), upper, cancellationToken);
    }

    /// <summary>
    /// Records the plan chosen for a step unless one is already recorded: true when this call recorded it. The insert is
    /// conditional on the row not existing, so among concurrent callers exactly one wins.
    /// </summary>
    public Task<bool> TryRecordChoiceAsync(string storyId, PlanChoice choice, CancellationToken cancellationToken) =>
        TryRecordChoiceAsync(LineRef.Root(storyId), choice, cancellationToken);

    public async Task<bool> TryRecordChoiceAsync(LineRef line, PlanChoice choice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        TableEntity entity = PlanChoiceRow.ToEntity(line, choice);
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

    /// <summary>
    /// Records the choice and replaces the state read with <paramref name="etag"/> by <paramref name="changed"/> in one
    /// transaction: either both happen or neither. So a choice and anything else guarded by the state row (a rewind, say)
    /// cannot both take effect.
    /// </summary>
    public async Task<ChoiceWrite> TryRecordChoiceAsync(LineRef line, PlanChoice choice, StoryState changed, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentException.ThrowIfNullOrWhiteSpace(etag);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, PlanChoiceRow.ToEntity(line, choice)),
            new(TableTransactionActionType.UpdateReplace, StoryStateRow.ToEntity(changed), new ETag(etag)),
        ];
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
            return ChoiceWrite.Recorded;
        }
        catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex == 0 && ex.Status == 409)
        {
            return ChoiceWrite.AlreadyChosen;
        }
        catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex == 1 && ex.Status is 412 or 404)
        {
            return ChoiceWrite.StateChanged;
        }
    }

    public Task<PlanChoice?> GetChoiceAsync(string storyId, int step, CancellationToken cancellationToken) =>
        GetChoiceAsync(LineRef.Root(storyId), step, cancellationToken);

    public async Task<PlanChoice?> GetChoiceAsync(LineRef line, int step, CancellationToken cancellationToken)
    {
        TableEntity? entity = await GetRowAsync(line.StoryId, StorageKeys.ChoiceRow(line, step), cancellationToken);
        return entity is null ? null : PlanChoiceRow.FromEntity(entity);
    }

    /// <summary>
    /// Moves the story to another line in one transaction of its partition: the new state replaces the state read with
    /// <paramref name="etag"/>, <paramref name="keep"/> (when given) saves the state of the line being left as its branch
    /// row, and <paramref name="removeBranch"/> (when given) deletes the branch row of the line being restored. Either all
    /// of it happens or none: a concurrent change of the state fails it with <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    /// <param name="choice">A choice recorded on the new line in the same transaction (a regeneration's), or null.</param>
    public async Task<string> MoveAsync(StoryState moved, string etag, StoryState? keep, int? removeBranch, CancellationToken cancellationToken, PlanChoice? choice = null)
    {
        ArgumentNullException.ThrowIfNull(moved);
        ArgumentException.ThrowIfNullOrWhiteSpace(etag);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, StoryStateRow.ToEntity(moved), new ETag(etag)),
        };
        if (choice is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, PlanChoiceRow.ToEntity(moved.CurrentLine, choice)));
        }

        if (keep is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, StoryStateRow.ToEntity(keep, StorageKeys.BranchRow(keep.CurrentLine.Branch))));
        }

        if (removeBranch is int branch)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(moved.StoryId, StorageKeys.BranchRow(branch)), ETag.All));
        }

        try
        {
            Response<IReadOnlyList<Response>> response = await _table.SubmitTransactionAsync(actions, cancellationToken);
            return response.Value[0].Headers.ETag?.ToString() ?? throw MissingETag(moved.StoryId);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException(moved.StoryId, $"Story '{moved.StoryId}' changed since its state was read; read it again and reapply the change.", ex);
        }
    }

    /// <summary>The state a story had on branch <paramref name="branch"/> when it left it; null when there is no such branch.</summary>
    public async Task<StoryState?> GetBranchAsync(string storyId, int branch, CancellationToken cancellationToken)
    {
        TableEntity? entity = await GetRowAsync(storyId, StorageKeys.BranchRow(branch), cancellationToken);
        return entity is null ? null : StoryStateRow.FromEntity(entity);
    }

    /// <summary>Every line the story left and can restore, as the state it had there, in branch order (bounded by the branch count).</summary>
    public async Task<IReadOnlyList<StoryState>> ListBranchesAsync(string storyId, CancellationToken cancellationToken)
    {
        string partition = StoryId.Require(storyId);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {BranchRowPrefix} and RowKey lt {AfterLastBranchRow}");
        var branches = new List<StoryState>();
        await foreach (TableEntity entity in _table.QueryAsync<TableEntity>(filter, PageSize, cancellationToken: cancellationToken).WithCancellation(cancellationToken))
        {
            branches.Add(StoryStateRow.FromEntity(entity));
        }

        return branches;
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
