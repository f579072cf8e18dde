namespace RecurrentGpt.Api.Views;

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
