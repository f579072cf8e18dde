using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Refusals;

namespace RecurrentGpt.Workflow.Lines;

/// <summary>
/// Where a new line begins, for a rewind (a line of the same story) and a fork (a new story's first line): the snapshot
/// of a committed step, and the lineage that goes on from it into <c>line</c>.
/// </summary>
internal static class LineStart
{
    /// <param name="tooDeep">The refusal when the lineage cannot grow by another line.</param>
    public static async Task<(MemorySnapshot Snapshot, Lineage Lineage)> AfterAsync(
        StoryStateStore states, StoryState story, int step, LineRef line, string action, StoryRefusal tooDeep, CancellationToken cancellationToken)
    {
        if (step < 0 || step > story.Step)
        {
            throw new StoryRefusedException(StoryRefusal.StepNotFound,
                $"story {story.StoryId} has committed steps 0 to {story.Step}; {action} one of those (0 is just after the opening)");
        }

        Lineage lineage = story.Lines;
        MemorySnapshot snapshot = await states.GetSnapshotAsync(lineage.OwnerOfStep(step), step, cancellationToken)
            ?? throw new InvalidOperationException($"story {story.StoryId} has no snapshot of step {step}");
        try
        {
            return (snapshot, lineage.ContinuedAfter(step, snapshot.ParagraphCount, line));
        }
        catch (InvalidOperationException deep)
        {
            throw new StoryRefusedException(tooDeep, deep.Message);
        }
    }
}
