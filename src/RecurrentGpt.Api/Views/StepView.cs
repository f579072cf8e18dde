namespace RecurrentGpt.Api.Views;

/// <summary>
/// <c>GET /api/stories/{id}/steps/{n}</c>: what a step read and what it produced — its provenance.
/// <paramref name="Normalisations"/>: what the parser tidied in the model's answers (a drop named twice, a fourth plan…).
/// </summary>
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
    IReadOnlyList<string> Normalisations,
    DateTimeOffset WrittenAt);
