using Azure.Data.Tables;
using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>Row <c>{line prefix}snapshot-{step:D6}</c>.</summary>
internal static class MemorySnapshotRow
{
    public static TableEntity ToEntity(LineRef line, MemorySnapshot snapshot)
    {
        var entity = new TableEntity(StoryId.Require(line.StoryId), StorageKeys.SnapshotRow(line, snapshot.Step))
        {
            [nameof(MemorySnapshot.Step)] = snapshot.Step,
            [nameof(MemorySnapshot.ParagraphCount)] = snapshot.ParagraphCount,
            [nameof(MemorySnapshot.Outline)] = snapshot.Outline,
            [nameof(MemorySnapshot.ShortTermMemory)] = snapshot.ShortTermMemory,
            [nameof(MemorySnapshot.Plans)] = StorageJson.Serialize(snapshot.Plans),
        };
        entity.SetOptional(nameof(MemorySnapshot.RecommendedPlan), snapshot.RecommendedPlan);
        return entity.Checked(StorageOptions.StoryMemoryTable);
    }

    public static MemorySnapshot FromEntity(TableEntity entity) => new(
        entity.RequireInt32(nameof(MemorySnapshot.Step)),
        entity.RequireString(nameof(MemorySnapshot.Outline)),
        entity.RequireString(nameof(MemorySnapshot.ShortTermMemory)),
        entity.RequireJson<List<string>>(nameof(MemorySnapshot.Plans)),
        entity.GetInt32(nameof(MemorySnapshot.RecommendedPlan)),
        entity.RequireInt32(nameof(MemorySnapshot.ParagraphCount)));
}
