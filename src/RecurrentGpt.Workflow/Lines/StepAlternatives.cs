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

            // Choosing a take puts the story at this step with that take standing, so its memory and plans follow it:
            // a line that stood right after the step wins; then the take's own line (it went on from the take).
            if (!takes.TryGetValue(line, out var known) || (!known.Stands && Preference(candidate, line, step) > Preference(known.State, line, step)))
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

    private static int Preference(StoryState candidate, LineRef take, int step) =>
        candidate.Step == step ? 2 : candidate.CurrentLine == take ? 1 : 0;
}
