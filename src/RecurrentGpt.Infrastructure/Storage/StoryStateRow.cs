using System.Globalization;
using Azure.Data.Tables;
using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>Row <c>state</c>: scalars as columns, readable in a table browser; plans and settings as JSON.</summary>
internal static class StoryStateRow
{
    /// <param name="rowKey">Row <c>state</c>, or a <c>branch-</c> row that keeps the state a story had when it left a line.</param>
    public static TableEntity ToEntity(StoryState state, string rowKey = StorageKeys.StateRow)
    {
        var entity = new TableEntity(StoryId.Require(state.StoryId), rowKey)
        {
            [nameof(StoryState.Title)] = state.Title,
            [nameof(Premise.Genre)] = state.Premise.Genre,
            [nameof(Premise.Topic)] = state.Premise.Topic,
            [nameof(Premise.Language)] = state.Premise.Language.ToString(),
            [nameof(StoryState.Mode)] = state.Mode.ToString(),
            [nameof(StoryState.Status)] = state.Status.ToString(),
            [nameof(StoryState.TimeoutPolicy)] = state.TimeoutPolicy.ToString(),
            [nameof(StoryState.TargetParagraphs)] = state.TargetParagraphs,
            [nameof(StoryState.Step)] = state.Step,
            [nameof(StoryState.ParagraphCount)] = state.ParagraphCount,
            [nameof(StoryState.Episode)] = state.Episode,
            [nameof(StoryState.Outline)] = state.Outline,
            [nameof(StoryState.ShortTermMemory)] = state.ShortTermMemory,
            [nameof(StoryState.Plans)] = StorageJson.Serialize(state.Plans),
            [nameof(StoryState.Settings)] = StorageJson.Serialize(state.Settings),
            [nameof(StoryState.ModelId)] = state.ModelId,
            [nameof(StoryState.InputTokens)] = state.InputTokens,
            [nameof(StoryState.OutputTokens)] = state.OutputTokens,
            [nameof(StoryState.CreatedAt)] = StoredTime.Format(state.CreatedAt),
            [nameof(StoryState.UpdatedAt)] = StoredTime.Format(state.UpdatedAt),
        };
        entity.SetOptional(nameof(Premise.Description), state.Premise.Description);
        entity.SetOptional(nameof(StoryState.ChoiceTimeout), state.ChoiceTimeout?.ToString("c", CultureInfo.InvariantCulture));
        entity.SetOptional(nameof(StoryState.RecommendedPlan), state.RecommendedPlan);
        entity.SetOptional(nameof(StoryState.AttentionReason), state.AttentionReason);
        entity.SetOptional(nameof(StoryState.Serial), state.Serial is null ? null : StorageJson.Serialize(state.Serial));
        entity.SetOptional(nameof(StoryState.CallbackUrl), state.CallbackUrl);
        entity.SetOptional(nameof(StoryState.ParagraphEdits), state.ParagraphEdits == 0 ? null : state.ParagraphEdits);
        entity.SetOptional(nameof(StoryState.NextEpisodeAt), state.NextEpisodeAt is { } due ? StoredTime.Format(due) : null);
        // A story that never branched keeps the row it always had: no lineage, generation or branch counter.
        entity.SetOptional(nameof(StoryState.Lineage), state.Lineage is null ? null : StorageJson.Serialize(state.Lineage.Segments));
        entity.SetOptional(nameof(StoryState.Generation), state.Generation == 0 ? null : state.Generation);
        entity.SetOptional(nameof(StoryState.NextBranch), state.NextBranch == 1 ? null : state.NextBranch);
        entity.SetOptional(nameof(StoryState.Fork), state.Fork is null ? null : StorageJson.Serialize(state.Fork));
        entity.SetOptional(nameof(StoryState.Overrides), state.Overrides.Count == 0 ? null : StorageJson.Serialize(state.Overrides));
        return entity.Checked(StorageOptions.StoryMemoryTable);
    }

    public static StoryState FromEntity(TableEntity entity)
    {
        string? choiceTimeout = entity.GetString(nameof(StoryState.ChoiceTimeout));
        string? nextEpisodeAt = entity.GetString(nameof(StoryState.NextEpisodeAt));
        return new StoryState
        {
            StoryId = entity.PartitionKey,
            Premise = new Premise(
                entity.RequireString(nameof(Premise.Genre)),
                entity.RequireString(nameof(Premise.Topic)),
                entity.GetString(nameof(Premise.Description)),
                entity.RequireEnum<StoryLanguage>(nameof(Premise.Language))),
            Mode = entity.RequireEnum<StoryMode>(nameof(StoryState.Mode)),
            Status = entity.RequireEnum<StoryStatus>(nameof(StoryState.Status)),
            TimeoutPolicy = entity.RequireEnum<TimeoutPolicy>(nameof(StoryState.TimeoutPolicy)),
            ChoiceTimeout = choiceTimeout is null ? null : TimeSpan.ParseExact(choiceTimeout, "c", CultureInfo.InvariantCulture),
            TargetParagraphs = entity.RequireInt32(nameof(StoryState.TargetParagraphs)),
            Serial = entity.GetString(nameof(StoryState.Serial)) is null ? null : entity.RequireJson<SerialSchedule>(nameof(StoryState.Serial)),
            CallbackUrl = entity.GetString(nameof(StoryState.CallbackUrl)),
            ParagraphEdits = entity.GetInt32(nameof(StoryState.ParagraphEdits)) ?? 0,

            // Rows written before serials had episodes have no Episode column: none was published.
            Episode = entity.GetInt32(nameof(StoryState.Episode)) ?? 0,
            NextEpisodeAt = nextEpisodeAt is null ? null : StoredTime.Parse(nextEpisodeAt),
            Settings = entity.RequireJson<WriterSettings>(nameof(StoryState.Settings)),
            Title = entity.RequireString(nameof(StoryState.Title)),
            Outline = entity.RequireString(nameof(StoryState.Outline)),
            ShortTermMemory = entity.RequireString(nameof(StoryState.ShortTermMemory)),
            Plans = entity.RequireJson<List<string>>(nameof(StoryState.Plans)),
            RecommendedPlan = entity.GetInt32(nameof(StoryState.RecommendedPlan)),
            Step = entity.RequireInt32(nameof(StoryState.Step)),
            ParagraphCount = entity.RequireInt32(nameof(StoryState.ParagraphCount)),
            AttentionReason = entity.GetString(nameof(StoryState.AttentionReason)),
            ModelId = entity.RequireString(nameof(StoryState.ModelId)),
            InputTokens = entity.RequireInt64(nameof(StoryState.InputTokens)),
            OutputTokens = entity.RequireInt64(nameof(StoryState.OutputTokens)),
            CreatedAt = entity.RequireTime(nameof(StoryState.CreatedAt)),
            UpdatedAt = entity.RequireTime(nameof(StoryState.UpdatedAt)),
            Lineage = entity.GetString(nameof(StoryState.Lineage)) is null ? null : new Lineage(entity.RequireJson<List<LineSegment>>(nameof(StoryState.Lineage))),
            Generation = entity.GetInt32(nameof(StoryState.Generation)) ?? 0,
            NextBranch = entity.GetInt32(nameof(StoryState.NextBranch)) ?? 1,
            Fork = entity.GetString(nameof(StoryState.Fork)) is null ? null : entity.RequireJson<ForkOrigin>(nameof(StoryState.Fork)),
            Overrides = entity.GetString(nameof(StoryState.Overrides)) is null ? [] : entity.RequireJson<List<ParagraphOverride>>(nameof(StoryState.Overrides)),
        };
    }
}
