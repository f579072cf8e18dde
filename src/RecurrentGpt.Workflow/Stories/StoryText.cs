using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Lines;

namespace RecurrentGpt.Workflow.Stories;

/// <summary>
/// A story's paragraphs and step records read along its lineage: each from the line that holds it, so a rewound story
/// reads its own line after the rewind and never the branch it left, and nothing is copied to make that so. The overloads
/// that take a state read it as it stands now, a fork's overrides and its ancestors' included.
/// </summary>
public sealed class StoryText(ParagraphStore paragraphs, StepRecordStore records, LineageReader lineages)
{
    public async Task<StoredParagraph?> ParagraphAsync(StoryState state, int index, CancellationToken cancellationToken) =>
        await ParagraphAsync(await lineages.LinesAsync(state, cancellationToken), index, cancellationToken);

    public async Task<IReadOnlyList<StoredParagraph>> RangeAsync(StoryState state, int first, int count, CancellationToken cancellationToken) =>
        await RangeAsync(await lineages.LinesAsync(state, cancellationToken), first, count, cancellationToken);

    public Task<StoredParagraph?> ParagraphAsync(Lineage lineage, int index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lineage);
        return paragraphs.ReadAsync(lineage.OwnerOfParagraph(index), index, cancellationToken);
    }

    /// <summary>Paragraphs <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1 that exist, in order.</summary>
    public async Task<IReadOnlyList<StoredParagraph>> RangeAsync(Lineage lineage, int first, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lineage);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var read = new List<StoredParagraph>(Math.Min(count, ParagraphStore.MaxRangeCount));
        foreach (LineRange range in lineage.Ranges(first + count).Where(range => range.To > first))
        {
            // Pages the paragraph store allows, within the stretch this line holds.
            for (int page = Math.Max(range.From, first); page < range.To; page += ParagraphStore.MaxRangeCount)
            {
                int size = Math.Min(ParagraphStore.MaxRangeCount, range.To - page);
                read.AddRange(await paragraphs.ReadRangeAsync(range.Line, page, size, cancellationToken));
            }
        }

        return read;
    }

    public Task<StepRecord?> StepAsync(Lineage lineage, int step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lineage);
        return records.ReadAsync(lineage.OwnerOfStep(step), step, cancellationToken);
    }
}
