using Azure.Data.Tables;
using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>Row <c>{line prefix}choice-{step:D6}</c>.</summary>
internal static class PlanChoiceRow
{
    public static TableEntity ToEntity(LineRef line, PlanChoice choice)
    {
        var entity = new TableEntity(StoryId.Require(line.StoryId), StorageKeys.ChoiceRow(line, choice.Step))
        {
            [nameof(PlanChoice.Step)] = choice.Step,
            [nameof(PlanChoice.Plan)] = choice.Plan,
            [nameof(PlanChoice.Source)] = choice.Source.ToString(),
            [nameof(PlanChoice.RecordedAt)] = StoredTime.Format(choice.RecordedAt),
        };
        entity.SetOptional(nameof(PlanChoice.PlanIndex), choice.PlanIndex);
        entity.SetOptional(RegeneratesStory, choice.Regenerates?.StoryId);
        entity.SetOptional(RegeneratesBranch, choice.Regenerates?.Branch);
        entity.SetOptional(nameof(PlanChoice.Take), choice.Take == 1 ? null : choice.Take);
        if (choice.Usage is TokenUsage usage)
        {
            entity[InputTokens] = usage.InputTokens;
            entity[OutputTokens] = usage.OutputTokens;
            entity[Calls] = usage.Calls;
        }

        return entity.Checked(StorageOptions.StoryMemoryTable);
    }

    public static PlanChoice FromEntity(TableEntity entity) => new(
        entity.RequireInt32(nameof(PlanChoice.Step)),
        entity.RequireString(nameof(PlanChoice.Plan)),
        entity.RequireEnum<PlanChoiceSource>(nameof(PlanChoice.Source)),
        entity.GetInt32(nameof(PlanChoice.PlanIndex)),
        entity.RequireTime(nameof(PlanChoice.RecordedAt)))
    {
        Usage = entity.GetInt64(InputTokens) is long input
            ? new TokenUsage(input, entity.GetInt64(OutputTokens) ?? 0, entity.GetInt32(Calls) ?? 0)
            : null,
        Regenerates = entity.GetString(RegeneratesStory) is string story ? new LineRef(story, entity.RequireInt32(RegeneratesBranch)) : null,
        Take = entity.GetInt32(nameof(PlanChoice.Take)) ?? 1,
    };

    private const string InputTokens = "InputTokens";
    private const string OutputTokens = "OutputTokens";
    private const string Calls = "Calls";
    private const string RegeneratesStory = "RegeneratesStory";
    private const string RegeneratesBranch = "RegeneratesBranch";
}
