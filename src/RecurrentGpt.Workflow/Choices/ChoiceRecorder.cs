using Microsoft.Extensions.Options;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Engine;
using RecurrentGpt.Workflow.Refusals;

namespace RecurrentGpt.Workflow.Choices;

/// <summary>
/// Records a plan choice the one way every host does it. For an interactive story: a doorbell entry in the due-work index,
/// then the choice row together with the state row (now writing) in one transaction (the first writer wins), then the
/// PlanChosen event; if the event is lost, the sweep rings again. A reader's vote for a serial's next step is the choice
/// row alone, recorded while the serial waits for its episode.
/// </summary>
public sealed class ChoiceRecorder(StoryStateStore states, DueWorkIndex due, IDurableClientSource engine, IOptions<WorkflowOptions> options, TimeProvider time)
{
    // A state that changes between the read and the write (an edit, the engine's own status change) is read again.
    private const int MaxAttempts = 4;

    public async Task<ChoiceResult> RecordAsync(string storyId, int step, string plan, PlanChoiceSource source, int? planIndex, CancellationToken cancellationToken)
    {
        StoryId.Require(storyId);
        if (string.IsNullOrWhiteSpace(plan) || plan.Length > StoryLimits.MaxPlanChars)
        {
            throw new ArgumentException($"a plan must have 1 to {StoryLimits.MaxPlanChars} characters");
        }

        DateTimeOffset now = time.GetUtcNow();

        // One entry however many attempts: the same due time makes the same row.
        var doorbell = new DueWork(now + options.Value.SweepInterval, storyId, DueWorkKind.ChoiceDoorbell, step);
        for (int attempt = 1; ; attempt++)
        {
            VersionedState state = await states.GetAsync(storyId, cancellationToken) ?? throw new StoryNotFoundException(storyId);
            if (state.State.Step + 1 != step)
            {
                return ChoiceResult.StaleStep;
            }

            var choice = new PlanChoice(step, plan.Trim(), source, planIndex, now);

            // Only an interactive story waits for the doorbell. An auto story (a serial between episodes, say) reads the row
            // when it next chooses, and an event it never waits for would be carried from execution to execution.
            if (state.State.Mode != StoryMode.Interactive)
            {
                return await states.TryRecordChoiceAsync(state.State.CurrentLine, choice, cancellationToken) ? ChoiceResult.Recorded : ChoiceResult.AlreadyChosen;
            }

            // The choice and "writing" land together, guarded by the state's ETag: a rewind racing this choice either
            // happened first (this re-reads and finds another step) or finds the story writing and is refused.
            StoryState writing = state.State.Status is StoryStatus.AwaitingChoice or StoryStatus.Paused
                ? state.State with { Status = StoryStatus.Writing, UpdatedAt = now }
                : state.State with { UpdatedAt = now };

            // The sweep's doorbell entry first: a choice that lands is rung again even if this process dies right after.
            await due.ScheduleAsync(doorbell, cancellationToken);
            switch (await states.TryRecordChoiceAsync(state.State.CurrentLine, choice, writing, state.ETag, cancellationToken))
            {
                case ChoiceWrite.AlreadyChosen:
                    return ChoiceResult.AlreadyChosen;
                case ChoiceWrite.StateChanged when attempt < MaxAttempts:
                    continue;
                case ChoiceWrite.StateChanged:
                    throw new StoryRefusedException(StoryRefusal.StaleVersion, $"story {storyId} kept changing while the choice was being recorded; send it again");
            }

            await engine.Client.RaiseEventAsync(storyId, WorkflowNames.PlanChosenEvent, step, cancellationToken);
            return ChoiceResult.Recorded;
        }
    }
}
