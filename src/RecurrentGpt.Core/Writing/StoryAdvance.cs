using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Core.Writing;

/// <summary>
/// How the state moves when the opening or a step becomes part of the story: the rules the workflow's commits apply to
/// the stored state row, and the in-memory driver applies to its own.
/// </summary>
public static class StoryAdvance
{
    public static StoryState Opened(StoryState current, OpeningOutcome outcome, IReadOnlyList<ModelExchange> exchanges)
    {
        StoryOpening opening = outcome.Opening;
        TokenUsage usage = TokenUsage.Of(exchanges);
        return current with
        {
            Title = opening.Title,
            Outline = opening.Outline,
            ShortTermMemory = outcome.Memory.Text,
            Plans = opening.Plans,
            RecommendedPlan = null,
            Step = 0,
            ParagraphCount = opening.Paragraphs.Count,
            Status = StoryLifecycle.NextStatus(current, opening.Paragraphs.Count),
            AttentionReason = null,
            ModelId = LastModel(exchanges) ?? current.ModelId,
            InputTokens = current.InputTokens + usage.InputTokens,
            OutputTokens = current.OutputTokens + usage.OutputTokens,
        };
    }

    /// <summary>Step <see cref="StepRecord.Step"/> committed as its record says; its paragraph is the next one.</summary>
    public static StoryState Committed(StoryState current, StepRecord record)
    {
        int paragraphs = current.ParagraphCount + 1;
        TokenUsage usage = record.Usage;
        return current with
        {
            Step = record.Step,
            ParagraphCount = paragraphs,
            ShortTermMemory = record.MemoryAfter,
            Plans = record.Draft.Plans,
            RecommendedPlan = record.Draft.RecommendedPlan,
            Status = StoryLifecycle.NextStatus(current, paragraphs),
            ModelId = LastModel(record.Exchanges) ?? current.ModelId,
            InputTokens = current.InputTokens + usage.InputTokens,
            OutputTokens = current.OutputTokens + usage.OutputTokens,
        };
    }

    private static string? LastModel(IReadOnlyList<ModelExchange> exchanges) => exchanges.Count > 0 ? exchanges[^1].ModelId : null;
}
