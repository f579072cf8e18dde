using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;

namespace RecurrentGpt.Workflow.Api;

public sealed record RecalledView(int Paragraph, string Summary, double Score);

/// <summary><c>GET /api/stories/{id}/steps/{n}</c>: what a step read and what it produced — its provenance.</summary>
public sealed record StepView(
    int Step,
    string ChosenPlan,
    string ShortTermMemoryBefore,
    IReadOnlyList<RecalledView> Recalled,
    string Paragraph,
    string ShortTermMemoryAfter,
    IReadOnlyList<string> Plans,
    string Model,
    TokenView Tokens,
    int ModelCalls,
    DateTimeOffset WrittenAt);

/// <summary><c>GET /api/stories/{id}/recall</c>: the earlier paragraphs a plan would recall, best first.</summary>
public sealed record RecallView(string Query, IReadOnlyList<RecalledView> Recalled);

public sealed record ModeChangeRequest(string? Mode);

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
            record.WrittenAt);
    }

    public static IReadOnlyList<RecalledView> Recalled(IEnumerable<RetrievedMemory> memories) =>
        memories.Select(m => new RecalledView(m.ParagraphIndex, m.Summary, Math.Round(m.Score, 4))).ToList();
}
