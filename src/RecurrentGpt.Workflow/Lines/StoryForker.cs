using Microsoft.Extensions.Options;
using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Refusals;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Lines;

/// <summary>
/// Forks a story at a committed step into a new story that reads its first steps from the parent's lines, by reference:
/// nothing of the parent is copied or written, so a fork costs the same few writes at step 10 as at step 10,000 (a
/// due-work entry, the new state row, its catalogue entry, and its orchestration). The state row is the one write that
/// makes the fork: a kill before it leaves no fork, and one after it leaves a fork the sweep starts if nobody else does.
/// </summary>
public sealed class StoryForker(
    StoryStateUpdater updater,
    StoryStateStore states,
    DueWorkIndex due,
    LineMoveSignal signal,
    IOptions<WorkflowOptions> options,
    TimeProvider time)
{
    public async Task<StoryFork> ForkAsync(string parentId, int fromStep, string? forkId, StoryMode? mode, CancellationToken cancellationToken) =>
        await ForkAsync(await updater.GetAsync(parentId, cancellationToken), fromStep, forkId, mode, cancellationToken);

    /// <summary>
    /// Forks <paramref name="parent"/> as given — the story as it stands now, or as it stood when it was published (a
    /// reader's fork reads the lineage the publication froze, whatever the writer has done on the story since).
    /// </summary>
    /// <param name="shape">Changes the new story before it is written (a reader's fork: how long it may grow, how it waits).</param>
    public async Task<StoryFork> ForkAsync(
        StoryState parent, int fromStep, string? forkId, StoryMode? mode, CancellationToken cancellationToken, Func<StoryState, StoryState>? shape = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        string parentId = parent.StoryId;
        if (!parent.IsOpened)
        {
            throw new StoryRefusedException(StoryRefusal.NotForkable, $"story {parentId} has not opened yet: there is no step to fork from");
        }

        IReadOnlyList<string> ancestors = [parent.StoryId, .. parent.Fork?.Ancestors ?? []];
        if (ancestors.Count > ForkOrigin.MaxAncestors)
        {
            throw new StoryRefusedException(StoryRefusal.NotForkable, $"story {parentId} is a fork {ForkOrigin.MaxAncestors - 1} forks deep; fork a story nearer the root");
        }

        string id = StoryId.Require(forkId ?? StoryId.New());
        (MemorySnapshot snapshot, Lineage lineage) = await LineStart.AfterAsync(
            states, parent, fromStep, LineRef.Root(id), "fork from", StoryRefusal.NotForkable, cancellationToken);
        if (await states.GetAsync(id, cancellationToken) is not null)
        {
            throw new StoryRefusedException(StoryRefusal.StoryExists, $"a story with id \"{id}\" exists already");
        }

        DateTimeOffset now = time.GetUtcNow();
        var fork = new StoryState
        {
            StoryId = id,
            Premise = parent.Premise,
            Mode = mode ?? parent.Mode,
            Status = StoryStatus.Writing,
            TimeoutPolicy = parent.TimeoutPolicy,
            ChoiceTimeout = parent.ChoiceTimeout,
            TargetParagraphs = parent.TargetParagraphs,
            Settings = parent.Settings,
            ModelId = parent.ModelId,
            Title = parent.Title,
            Outline = snapshot.Outline,
            ShortTermMemory = snapshot.ShortTermMemory,
            Plans = snapshot.Plans,
            RecommendedPlan = snapshot.RecommendedPlan,
            Step = fromStep,
            ParagraphCount = snapshot.ParagraphCount,
            Lineage = lineage,
            Fork = new ForkOrigin(parent.StoryId, fromStep, ancestors),
            CreatedAt = now,
            UpdatedAt = now,

            // Not inherited: the parent's serial schedule (a fork is written when its writer says), its callback (that
            // subscriber asked about the parent), its tokens (the parent spent them) and its branches (the parent's lines).
        };
        fork = shape?.Invoke(fork) ?? fork;
        fork = fork with { Status = StoryLifecycle.NextStatus(fork, fork.ParagraphCount) };

        // Written first, so a fork whose state row lands is started even if this process dies straight after.
        await due.ScheduleAsync(new DueWork(now + options.Value.SweepInterval, id, DueWorkKind.LineMoved, fork.Generation), cancellationToken);
        try
        {
            await states.CreateAsync(fork, cancellationToken);
        }
        catch (StoryAlreadyExistsException)
        {
            throw new StoryRefusedException(StoryRefusal.StoryExists, $"a story with id \"{id}\" exists already");
        }

        await signal.SendAsync(fork, cancellationToken);
        return new StoryFork(id, parent.StoryId, fromStep, fork.Step, fork.ParagraphCount, fork.Mode, fork.Status);
    }
}
