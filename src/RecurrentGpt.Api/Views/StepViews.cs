using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;

namespace RecurrentGpt.Api.Views;

internal static class StepViews
{
    public static StepView Of(StepRecord record)
    {
        TokenUsage usage = TokenUsage.Of(record.Exchanges);
        return new StepView(
            record.Step,
            record.Inputs.ChosenPlan,
            record.Inputs.ShortTermMemory.Text,
            Recalled(record.Inputs.LongTermMemories),
            record.Draft.Paragraph,
            record.MemoryAfter,
            record.Draft.Plans,
            record.Exchanges.Count > 0 ? record.Exchanges[^1].ModelId ?? string.Empty : string.Empty,
            new TokenView(usage.InputTokens, usage.OutputTokens),
            record.Exchanges.Count,
            record.Exchanges.SelectMany(exchange => exchange.Normalisations).ToList(),
            record.WrittenAt);
    }

    public static IReadOnlyList<RecalledView> Recalled(IEnumerable<RetrievedMemory> memories) =>
        memories.Select(m => new RecalledView(m.ParagraphIndex, m.Summary, Math.Round(m.Score, 4))).ToList();
}
