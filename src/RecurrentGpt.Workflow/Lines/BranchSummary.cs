using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Workflow.Lines;

/// <summary>
/// A line the story left, seen from where the story is now: it shares the story's text up to step
/// <paramref name="FromStep"/>, then goes its own way (its own paragraphs begin at <paramref name="FirstParagraph"/>), and
/// had reached <paramref name="Step"/> and <paramref name="ParagraphCount"/> paragraphs when it was left at <paramref name="LeftAt"/>.
/// </summary>
public sealed record BranchSummary(int Branch, int FromStep, int FirstParagraph, int Step, int ParagraphCount, StoryStatus Status, DateTimeOffset LeftAt)
{
    public static BranchSummary Of(StoryState left, Lineage current)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(current);
        (int firstStep, int firstParagraph) = left.Lines.FirstDifference(current) ?? (left.Step + 1, left.ParagraphCount);
        return new BranchSummary(
            left.CurrentLine.Branch,
            Math.Min(firstStep - 1, left.Step),
            Math.Min(firstParagraph, left.ParagraphCount),
            left.Step,
            left.ParagraphCount,
            left.Status,
            left.UpdatedAt);
    }
}
