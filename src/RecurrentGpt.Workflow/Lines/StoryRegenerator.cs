using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Refusals;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Lines;

/// <summary>
/// Alternatives ("swipes"): the last committed step written again from the inputs its record holds, on a new line, so
/// the earlier take stays as a branch; and any take of a step made the one that stands (a restore of its line, so the
/// memory and plans follow it).
/// </summary>
public sealed class StoryRegenerator(StoryRewinder rewinder, StoryStateUpdater updater, StoryStateStore states, StepRecordStore records, TimeProvider time)
{
    /// <summary>Writes step <c>Step</c> again: the story stands just before it, with the same plan chosen, and writes it.</summary>
    public Task<LineMove> RegenerateAsync(string storyId, CancellationToken cancellationToken) =>
        rewinder.MoveAsync(storyId, async (current, token) =>
        {
            int step = current.Step;
            if (step < 1)
            {
                throw new StoryRefusedException(StoryRefusal.StepNotFound, $"story {storyId} has no committed step after its opening to write again");
            }

            if (current.NextBranch > LineRef.MaxBranch)
            {
                throw new StoryRefusedException(StoryRefusal.NotRewindable, $"story {storyId} has used all {LineRef.MaxBranch} branch numbers");
            }

            LineRef original = current.Lines.OwnerOfStep(step);
            PlanChoice chosen = await states.GetChoiceAsync(original, step, token)
                ?? throw new InvalidOperationException($"step {step} of story {storyId} is committed but has no recorded choice");
            _ = await records.ReadAsync(original, step, token)
                ?? throw new InvalidOperationException($"step {step} of story {storyId} is committed but has no record");
            IReadOnlyList<StepAlternative> takes = StepAlternatives.Of(current, await states.ListBranchesAsync(storyId, token), step);
            (MemorySnapshot before, Lineage lineage) = await LineStart.AfterAsync(
                states, current, step - 1, new LineRef(storyId, current.NextBranch), "regenerate after", StoryRefusal.NotRewindable, token);

            // The same plan, chosen the same way; what the first choice cost (a simulator's call) was spent once.
            var again = new PlanChoice(step, chosen.Plan, chosen.Source, chosen.PlanIndex, time.GetUtcNow())
            {
                Regenerates = original,
                Take = takes.Count + 1,
            };
            return new LineDecision(StoryRewinder.StandingAt(current, lineage, before) with { NextBranch = current.NextBranch + 1 }, null, again);
        }, cancellationToken);

    /// <summary>The takes of step <paramref name="step"/>, oldest first, and which one stands.</summary>
    public async Task<IReadOnlyList<StepAlternative>> AlternativesAsync(string storyId, int step, CancellationToken cancellationToken)
    {
        StoryState current = await updater.GetAsync(storyId, cancellationToken);
        if (step < 1 || step > current.Step)
        {
            throw new StoryRefusedException(StoryRefusal.StepNotFound, $"story {storyId} has committed steps 1 to {current.Step}; step {step} has no takes");
        }

        return StepAlternatives.Of(current, await states.ListBranchesAsync(storyId, cancellationToken), step);
    }

    /// <summary>Makes take <paramref name="index"/> of step <paramref name="step"/> the one that stands.</summary>
    public async Task<LineMove> ChooseAsync(string storyId, int step, int index, CancellationToken cancellationToken)
    {
        IReadOnlyList<StepAlternative> takes = await AlternativesAsync(storyId, step, cancellationToken);
        StepAlternative take = index >= 1 && index <= takes.Count
            ? takes[index - 1]
            : throw new StoryRefusedException(StoryRefusal.AlternativeNotFound, $"step {step} of story {storyId} has takes 1 to {takes.Count}; there is no take {index}");
        return take.Branch is int branch
            ? await rewinder.RestoreAsync(storyId, branch, cancellationToken)
            : throw new StoryRefusedException(StoryRefusal.AlreadyAtStep, $"take {index} of step {step} is the one that stands already");
    }
}
