namespace RecurrentGpt.Api.Views;

/// <summary><c>GET /api/stories/{id}</c>: everything a client shows about a story; its ETag guards memory edits.</summary>
public sealed record StoryView(
    string Id,
    string Title,
    PremiseView Premise,
    string Mode,
    string Status,
    int Step,
    int NextStep,
    int ParagraphCount,
    int TargetParagraphs,
    string Outline,
    string ShortTermMemory,
    IReadOnlyList<string>? Plans,
    int? RecommendedPlan,
    string? AttentionReason,
    string Model,
    bool OfflineWriter,
    TokenView Tokens,
    SerialView? Serial,
    int? Episode,
    DateTimeOffset? NextEpisodeAt,
    bool HasCallback,
    ForkedFromView? ForkedFrom,
    int Branch,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
