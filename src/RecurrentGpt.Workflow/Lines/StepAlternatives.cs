using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Workflow.Lines;

/// <summary>
/// The takes of a step, found among the story's lines: the one it stands on and the ones it left, each of which reached
/// the step and agrees with where the story stands on everything before it. Two lines that share the step's record
/// are one take.
/// </summary>
public static class StepAlternatives
{
    public static IReadOnlyList<StepAlternative> Of(StoryState current, IReadOnlyList<StoryState> left, int step)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(left);
        if (step < 1 || step > current.Step)
        {
            return [];
        }

        Lineage standing = current.Lines;
        var takes = new Dictionary<LineRef, (StoryState State, bool Stands)>
        {
            [standing.OwnerOfStep(step)] = (current, true),
        };
        foreach (StoryState candidate in left.Where(state => state.Step >= step))
        {
            if (candidate.Lines.FirstDifference(standing) is { } differs && differs.FirstStep < step)
            {
                continue;
            }

            LineRef line = candidate.Lines.OwnerOfStep(step);

            // The branch row of the take's own line brings back the take as it went on; another line that only
            // passed through the take is kept only while no better one is known.
            if (!takes.TryGetValue(line, out var known) || (!known.Stands && candidate.CurrentLine == line))
            {
                takes[line] = (candidate, false);
            }
        }

        return takes
            .OrderBy(take => take.Key.StoryId == current.StoryId ? 1 : 0)
            .ThenBy(take => take.Key.Branch)
            .Select((take, i) => new StepAlternative(i + 1, take.Key, take.Value.Stands ? null : take.Value.State.CurrentLine.Branch, take.Value.Stands))
            .ToList();
    }
}
