using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Lines;

/// <summary>
/// The story's steps as a timeline, read along its lineage (overrides included): per step its choice row and paragraph
/// row, a page at a time, at most <see cref="MaxParallelReads"/> reads at once.
/// </summary>
public sealed class StoryTimeline(StoryStateUpdater updater, StoryStateStore states, LineageReader lineages)
{
    public const int MaxPage = 200;
    private const int MaxParallelReads = 8;

    public async Task<Timeline> ReadAsync(string storyId, int from, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(from, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        StoryState current = await updater.GetAsync(storyId, cancellationToken);
        IReadOnlyList<StoryState> left = await states.ListBranchesAsync(storyId, cancellationToken);
        IReadOnlyList<BranchSummary> branches = left.Select(state => BranchSummary.Of(state, current.Lines)).ToList();
        Lineage lines = await lineages.LinesAsync(current, cancellationToken);
        int openingParagraphs = current.ParagraphCount - current.Step;
        int last = Math.Min(current.Step, from + Math.Min(count, MaxPage) - 1);
        int[] numbers = from <= last ? Enumerable.Range(from, last - from + 1).ToArray() : [];
        var steps = new TimelineStep[numbers.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxParallelReads, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, numbers.Length), parallel, async (i, token) =>
        {
            int step = numbers[i];
            int index = openingParagraphs + step - 1;
            LineRef line = lines.OwnerOfStep(step);
            PlanChoice? choice = await states.GetChoiceAsync(line, step, token);
            ParagraphEntry? paragraph = await states.GetParagraphAsync(lines.OwnerOfParagraph(index), index, token);
            steps[i] = new TimelineStep(
                step, line, line.StoryId != storyId, choice?.Plan, choice?.Source, choice?.Take ?? 1, index,
                paragraph?.WordCount ?? 0, paragraph?.Author, paragraph?.Revision ?? 0,
                StepAlternatives.Of(current, left, step),
                branches.Where(branch => branch.FromStep == step).Select(branch => branch.Branch).ToList());
        });

        return new Timeline(current, steps, branches, from, last < current.Step ? last + 1 : null);
    }
}
