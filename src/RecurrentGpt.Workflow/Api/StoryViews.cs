using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Workflow.Api;

// Response bodies of the v1 contract.

public sealed record StoryCreatedView(string Id, string StatusUrl);

public sealed record PremiseView(string Genre, string Topic, string? Description, string Language);

public sealed record TokenView(long Input, long Output);

public sealed record SerialView(string Cron, int ParagraphsPerEpisode);

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
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record StoryListItem(string Id, string Title, string Status, string Mode, int ParagraphCount, int TargetParagraphs, DateTimeOffset UpdatedAt);

public sealed record StoryListView(IReadOnlyList<StoryListItem> Stories);

public sealed record ParagraphView(int Index, string Text, int Step, int Revision, string Author);

public sealed record ParagraphPageView(IReadOnlyList<ParagraphView> Paragraphs, int From, int Total, int? Next);

public sealed record ChoiceView(string StoryId, int Step, string Plan, string Source);

public sealed record MemoryView(string ShortTermMemory, IReadOnlyList<string> Plans, string ETag);

public sealed record ActionView(string StoryId, string Action, string Status);

internal static class StoryViews
{
    public static StoryView Of(StoryState state, string status) => new(
        state.StoryId,
        state.Title,
        new PremiseView(state.Premise.Genre, state.Premise.Topic, state.Premise.Description, state.Premise.Language.Code()),
        ApiJson.Name(state.Mode),
        status,
        state.Step,
        state.Step + 1,
        state.ParagraphCount,
        state.TargetParagraphs,
        state.Outline,
        state.ShortTermMemory,
        state.Status is StoryStatus.AwaitingChoice or StoryStatus.Paused && state.Plans.Count > 0 ? state.Plans : null,
        state.RecommendedPlan,
        state.Status == StoryStatus.NeedsAttention ? state.AttentionReason : null,
        state.ModelId,
        state.ModelId == Infrastructure.Offline.OfflineWriter.ModelId,
        new TokenView(state.InputTokens, state.OutputTokens),
        state.Serial is null ? null : new SerialView(state.Serial.Cron, state.Serial.ParagraphsPerEpisode),
        state.Serial is null ? null : state.Episode,
        state.NextEpisodeAt,
        state.CallbackUrl is not null,
        state.CreatedAt,
        state.UpdatedAt);

    public static ParagraphView Of(StoredParagraph paragraph) =>
        new(paragraph.Index, paragraph.Text, paragraph.Step, paragraph.Revision, ApiJson.Name(paragraph.Author));
}
