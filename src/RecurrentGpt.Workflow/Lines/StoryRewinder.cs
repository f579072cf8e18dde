using Microsoft.Extensions.Options;
using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Refusals;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Lines;

/// <summary>
/// Rewind and restore: the story moves to another line in one transaction of its partition (the new state, and the
/// state of the line it leaves kept as a branch row), so a kill leaves the move done or not done. Nothing is deleted:
/// the paragraphs and steps after the rewind point stay where they are, in the line the story left.
/// </summary>
public sealed class StoryRewinder(
    StoryStateUpdater updater,
    StoryStateStore states,
    DueWorkIndex due,
    LineMoveSignal signal,
    IOptions<WorkflowOptions> options,
    TimeProvider time)
{
    // A move that loses the race for the state row reads it again and decides again: a few rounds at most.
    private const int MaxAttempts = 4;

    /// <summary>Moves the story back to just after step <paramref name="toStep"/> (0: just after the opening), as snapshot-<paramref name="toStep"/> has it.</summary>
    public Task<LineMove> RewindAsync(string storyId, int toStep, CancellationToken cancellationToken) =>
        MoveAsync(storyId, async (current, token) =>
        {
            if (toStep == current.Step)
            {
                throw new StoryRefusedException(StoryRefusal.AlreadyAtStep, $"story {storyId} stands at step {toStep} already");
            }

            if (current.NextBranch > LineRef.MaxBranch)
            {
                throw new StoryRefusedException(StoryRefusal.NotRewindable, $"story {storyId} has used all {LineRef.MaxBranch} branch numbers");
            }

            (MemorySnapshot snapshot, Lineage continued) = await LineStart.AfterAsync(
                states, current, toStep, new LineRef(storyId, current.NextBranch), "rewind to", StoryRefusal.NotRewindable, token);
            return new LineDecision(StandingAt(current, continued, snapshot) with { NextBranch = current.NextBranch + 1 }, null);
        }, cancellationToken);

    /// <summary>Moves the story back onto branch <paramref name="branch"/>, exactly as it stood when the story left it.</summary>
    public Task<LineMove> RestoreAsync(string storyId, int branch, CancellationToken cancellationToken) =>
        MoveAsync(storyId, async (current, token) =>
        {
            StoryState left = await LeftBranchAsync(storyId, branch, token);

            // What belongs to the line comes back; what belongs to the story (its settings, what it spent) stays as it is now.
            var tip = new MemorySnapshot(left.Step, left.Outline, left.ShortTermMemory, left.Plans, left.RecommendedPlan, left.ParagraphCount);
            return new LineDecision(StandingAt(current, left.Lineage, tip), branch);
        }, cancellationToken);

    /// <summary>The story as it stands, and the lines it left in branch order, each seen from where it stands.</summary>
    public async Task<(StoryState Current, IReadOnlyList<BranchSummary> Branches)> ListBranchesAsync(string storyId, CancellationToken cancellationToken)
    {
        StoryState current = await updater.GetAsync(storyId, cancellationToken);
        return (current, (await states.ListBranchesAsync(storyId, cancellationToken)).Select(left => BranchSummary.Of(left, current.Lines)).ToList());
    }

    /// <summary>The state the story had on branch <paramref name="branch"/> when it left it, and that branch seen from where the story stands.</summary>
    public async Task<(StoryState Left, BranchSummary Summary)> GetBranchAsync(string storyId, int branch, CancellationToken cancellationToken)
    {
        StoryState current = await updater.GetAsync(storyId, cancellationToken);
        StoryState left = await LeftBranchAsync(storyId, branch, cancellationToken);
        return (left, BranchSummary.Of(left, current.Lines));
    }

    private async Task<StoryState> LeftBranchAsync(string storyId, int branch, CancellationToken cancellationToken) =>
        (branch is >= 0 and <= LineRef.MaxBranch ? await states.GetBranchAsync(storyId, branch, cancellationToken) : null)
        ?? throw new StoryRefusedException(StoryRefusal.BranchNotFound, $"story {storyId} has no branch {branch}");

    /// <summary>
    /// Moves the story as <paramref name="decide"/> says, from the state it reads (again, after losing a race). With a
    /// choice, the new line starts writing its first step at once, and the line left is kept whatever it holds.
    /// </summary>
    internal async Task<LineMove> MoveAsync(string storyId, Func<StoryState, CancellationToken, Task<LineDecision>> decide, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            VersionedState read = await updater.GetVersionedAsync(storyId, cancellationToken);
            StoryState current = RequireMovable(read.State);
            // A restore names a branch row, and the line the story is on never has one: it cannot restore itself.
            (StoryState moved, int? restored, PlanChoice? choice) = await decide(current, cancellationToken);
            DateTimeOffset now = time.GetUtcNow();
            moved = moved with
            {
                Generation = current.Generation + 1,
                Status = choice is not null ? StoryStatus.Writing : StoryLifecycle.NextStatus(current with { Status = StoryStatus.Writing }, moved.ParagraphCount),
                AttentionReason = null,
                UpdatedAt = now,
            };

            // The line being left is kept when it has steps of its own; one left at once (a rewind straight after a
            // rewind) holds nothing the story does not have elsewhere. A regeneration keeps it always: it is a take.
            StoryState? keep = choice is not null || current.Step >= current.Lines.Current.FirstStep ? current : null;

            // Written before the move, so a move that lands is told to the orchestration again even if this process dies now.
            await due.ScheduleAsync(new DueWork(now + options.Value.SweepInterval, storyId, DueWorkKind.LineMoved, moved.Generation), cancellationToken);
            try
            {
                await states.MoveAsync(moved, read.ETag, keep, restored, cancellationToken, choice);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Someone changed the story meanwhile (a choice, an edit): read it again; it may not be movable now.
                continue;
            }

            await signal.SendAsync(moved, cancellationToken);
            return new LineMove(storyId, moved.Step, moved.ParagraphCount, moved.CurrentLine.Branch, keep?.CurrentLine.Branch, moved.Status, moved.Generation);
        }
    }

    /// <summary>The story on <paramref name="lineage"/>, standing as <paramref name="at"/> has it: the line's own fields, the story's others.</summary>
    internal static StoryState StandingAt(StoryState current, Lineage? lineage, MemorySnapshot at) => current with
    {
        Lineage = lineage,
        Step = at.Step,
        ParagraphCount = at.ParagraphCount,
        Outline = at.Outline,
        ShortTermMemory = at.ShortTermMemory,
        Plans = at.Plans,
        RecommendedPlan = at.RecommendedPlan,
    };

    private static StoryState RequireMovable(StoryState state)
    {
        if (state.Status is StoryStatus.Created or StoryStatus.Writing)
        {
            throw new StoryRefusedException(StoryRefusal.StepInProgress,
                $"story {state.StoryId} is writing step {state.Step + 1}; rewind or restore while it waits for a choice, is paused, needs attention or is completed");
        }

        string? why = state.Status == StoryStatus.Cancelled ? "is cancelled: a cancelled story stays as it is"
            : state.Serial is not null ? "is a serial: its published episodes stay as they are"
            : !state.IsOpened ? "has not opened yet: there is no step to go back to"
            : null;
        if (why is not null)
        {
            throw new StoryRefusedException(StoryRefusal.NotRewindable, $"story {state.StoryId} {why}");
        }

        return state;
    }
}
