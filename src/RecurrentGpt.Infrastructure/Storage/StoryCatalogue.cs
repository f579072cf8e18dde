using Azure;
using Azure.Data.Tables;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>Table Stories: one row per story (partition <c>story</c>, row key = story id), for listing and a serial's next episode time.</summary>
public sealed class StoryCatalogue(StorageClients clients)
{
    /// <summary>The most rows a listing reads and returns.</summary>
    public const int ListLimit = 1000;

    private const string Partition = "story";

    private readonly TableClient _table = clients.Stories;

    public async Task UpsertAsync(StorySummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var entity = new TableEntity(Partition, StoryId.Require(summary.StoryId))
        {
            [nameof(StorySummary.Title)] = summary.Title,
            [nameof(StorySummary.Status)] = summary.Status.ToString(),
            [nameof(StorySummary.Mode)] = summary.Mode.ToString(),
            [nameof(StorySummary.ParagraphCount)] = summary.ParagraphCount,
            [nameof(StorySummary.TargetParagraphs)] = summary.TargetParagraphs,
            [nameof(StorySummary.UpdatedAt)] = StoredTime.Format(summary.UpdatedAt),
        };
        entity.SetOptional(nameof(StorySummary.NextEpisodeAt), summary.NextEpisodeAt is { } due ? StoredTime.Format(due) : null);
        await _table.UpsertEntityAsync(entity.Checked(StorageOptions.StoriesTable), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<StorySummary?> GetAsync(string storyId, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> response = await _table.GetEntityIfExistsAsync<TableEntity>(
            Partition, StoryId.Require(storyId), cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    /// <summary>
    /// Up to <paramref name="max"/> stories (capped at <see cref="ListLimit"/>), most recently updated first. The order is made in
    /// memory over at most <see cref="ListLimit"/> rows, so beyond that many stories it covers the first rows by id only.
    /// </summary>
    public async Task<IReadOnlyList<StorySummary>> ListAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (max == 0)
        {
            return [];
        }

        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        var stories = new List<StorySummary>();
        await foreach (TableEntity entity in _table.QueryAsync<TableEntity>(filter, ListLimit, cancellationToken: cancellationToken).WithCancellation(cancellationToken))
        {
            stories.Add(FromEntity(entity));
            if (stories.Count == ListLimit)
            {
                break;
            }
        }

        return stories
            .OrderByDescending(story => story.UpdatedAt)
            .ThenBy(story => story.StoryId, StringComparer.Ordinal)
            .Take(Math.Min(max, ListLimit))
            .ToList();
    }

    private static StorySummary FromEntity(TableEntity entity) => new(
        entity.RowKey,
        entity.RequireString(nameof(StorySummary.Title)),
        entity.RequireEnum<StoryStatus>(nameof(StorySummary.Status)),
        entity.RequireEnum<StoryMode>(nameof(StorySummary.Mode)),
        entity.RequireInt32(nameof(StorySummary.ParagraphCount)),
        entity.RequireInt32(nameof(StorySummary.TargetParagraphs)),
        entity.RequireTime(nameof(StorySummary.UpdatedAt)),
        entity.GetString(nameof(StorySummary.NextEpisodeAt)) is { } due ? StoredTime.Parse(due) : null);
}
