using System.Globalization;
using Azure.Data.Tables;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>
/// Table DueWork: one partition, row keys that begin with the due time's UTC ticks, so a sweep reads only the rows already
/// due (a range query below "now") and never scans every story.
/// </summary>
public sealed class DueWorkIndex(StorageClients clients)
{
    /// <summary>The most entries one sweep reads.</summary>
    public const int ListLimit = 1000;

    private const string Partition = "due";

    private readonly TableClient _table = clients.DueWork;

    /// <summary><c>{dueAt UTC ticks:D19}-{storyId}-{kind}-{step:D6}</c>: sorts by due time, and scheduling the same work twice writes one row.</summary>
    public static string RowKey(DueWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Ticks(work.DueAt)}-{StoryId.Require(work.StoryId)}-{work.Kind}-{StorageKeys.Number(work.Step, nameof(work.Step))}");
    }

    /// <summary>Adds the entry, or rewrites it unchanged if it is already scheduled.</summary>
    public async Task ScheduleAsync(DueWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!Enum.IsDefined(work.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(work), work.Kind, "unknown due-work kind");
        }

        var entity = new TableEntity(Partition, RowKey(work))
        {
            [nameof(DueWork.DueAt)] = StoredTime.Format(work.DueAt),
            [nameof(DueWork.StoryId)] = work.StoryId,
            [nameof(DueWork.Kind)] = work.Kind.ToString(),
            [nameof(DueWork.Step)] = work.Step,
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Entries due at or before <paramref name="now"/>, earliest first, at most <paramref name="max"/> (capped at <see cref="ListLimit"/>).</summary>
    public async Task<IReadOnlyList<DueWork>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        int limit = Math.Min(max, ListLimit);
        if (limit == 0)
        {
            return [];
        }

        // Every key due at or before now starts with ticks ≤ now's, so it sorts below the bare ticks of the next tick.
        string before = Ticks(now.AddTicks(1));
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {before}");
        var due = new List<DueWork>(limit);
        await foreach (TableEntity entity in _table.QueryAsync<TableEntity>(filter, limit, cancellationToken: cancellationToken).WithCancellation(cancellationToken))
        {
            due.Add(new DueWork(
                entity.RequireTime(nameof(DueWork.DueAt)),
                entity.RequireString(nameof(DueWork.StoryId)),
                entity.RequireEnum<DueWorkKind>(nameof(DueWork.Kind)),
                entity.RequireInt32(nameof(DueWork.Step))));
            if (due.Count == limit)
            {
                break;
            }
        }

        return due;
    }

    /// <summary>Removes the entry; an entry already removed (by another sweep, say) is fine.</summary>
    public async Task RemoveAsync(DueWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _table.DeleteEntityAsync(Partition, RowKey(work), Azure.ETag.All, cancellationToken);
    }

    private static string Ticks(DateTimeOffset time) => time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
