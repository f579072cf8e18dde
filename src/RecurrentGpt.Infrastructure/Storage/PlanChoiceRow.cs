using Azure.Data.Tables;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>Row <c>choice-{step:D6}</c>.</summary>
internal static class PlanChoiceRow
{
    public static TableEntity ToEntity(string storyId, PlanChoice choice)
    {
        var entity = new TableEntity(StoryId.Require(storyId), StorageKeys.ChoiceRow(choice.Step))
        {
            [nameof(PlanChoice.Step)] = choice.Step,
            [nameof(PlanChoice.Plan)] = choice.Plan,
            [nameof(PlanChoice.Source)] = choice.Source.ToString(),
            [nameof(PlanChoice.RecordedAt)] = StoredTime.Format(choice.RecordedAt),
        };
        entity.SetOptional(nameof(PlanChoice.PlanIndex), choice.PlanIndex);
        return entity.Checked(StorageOptions.StoryMemoryTable);
    }

    public static PlanChoice FromEntity(TableEntity entity) => new(
        entity.RequireInt32(nameof(PlanChoice.Step)),
        entity.RequireString(nameof(PlanChoice.Plan)),
        entity.RequireEnum<PlanChoiceSource>(nameof(PlanChoice.Source)),
        entity.GetInt32(nameof(PlanChoice.PlanIndex)),
        entity.RequireTime(nameof(PlanChoice.RecordedAt)));
}
