using RecurrentGpt.Core.Story;
using RecurrentGpt.Workflow.Contracts;

namespace RecurrentGpt.Api.Views;

internal static class StoryViews
{
    public static StoryView Of(StoryState state, string status) => new(
        state.StoryId,
        state.Title,
        new PremiseView(state.Premise.Genre, state.Premise.Topic, state.Premise.Description, state.Premise.Language.Code()),
        ContractJson.Name(state.Mode),
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
        state.Fork is null ? null : new ForkedFromView(state.Fork.ParentId, state.Fork.Step),
        state.CurrentLine.Branch,
        state.CreatedAt,
        state.UpdatedAt);

    public static ParagraphView Of(StoredParagraph paragraph) =>
        new(paragraph.Index, paragraph.Text, paragraph.Step, paragraph.Revision, ContractJson.Name(paragraph.Author));
}
