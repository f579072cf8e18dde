using RecurrentGpt.Core.Memory;

namespace RecurrentGpt.Core.Story;

/// <summary>Long-term memory entries for paragraphs that came without a summary of their own.</summary>
public static class ParagraphSummary
{
    private const int MaxUnits = 40;

    /// <summary>The opening call writes no summaries: a paragraph's first sentence (at most 40 units) stands in for one.</summary>
    public static string FromFirstSentence(string paragraph) =>
        TextMeasure.TakeUnits(SentenceSplitter.Split(paragraph).FirstOrDefault() ?? paragraph, MaxUnits);
}
