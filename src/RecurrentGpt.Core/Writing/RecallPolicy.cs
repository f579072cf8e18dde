using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Core.Writing;

/// <summary>What a step of this story recalls: how many earlier paragraphs, which one is left out, whether the best is sent whole.</summary>
/// <param name="ExcludedParagraph">The previous paragraph: the step reads it whole anyway.</param>
public sealed record RecallPolicy(int Count, int ExcludedParagraph, bool BestMatchInFull)
{
    /// <summary>Null when the story keeps no long-term memories or has none to offer yet.</summary>
    public static RecallPolicy? For(StoryState state) =>
        state.Settings.RecalledParagraphs > 0 && state.ParagraphCount >= 2
            ? new RecallPolicy(state.Settings.RecalledParagraphs, state.ParagraphCount - 1, state.Settings.RecallBestMatchInFull)
            : null;
}
