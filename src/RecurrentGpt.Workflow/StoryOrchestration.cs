using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Workflow.Contracts;

namespace RecurrentGpt.Workflow;

/// <summary>
/// One story, one instance (instance id = story id); one execution = one step, then ContinueAsNew with a small cursor.
/// It waits on events only — no durable timer is ever left pending across ContinueAsNew; time-driven work
/// (deadlines, lost doorbells, episodes) comes from the scheduler sweep as events. A rewind or restore moves the story to
/// another line and raises Moved: every wait ends on it, and the execution starts over from the state row.
/// </summary>
[DurableTask(WorkflowNames.StoryOrchestration)]
public sealed class StoryOrchestration : TaskOrchestrator<StoryCursor, StoryOutcome>
{
    // Stale or duplicate events are ignored but still land in history: past this many, start the wait afresh.
    private const int MaxEventsPerExecution = 200;

    // Person-driven retries after a failed model call, per execution.
    private const int MaxAttentionRounds = 10;

    // The generation of work that stands whatever line the story is on: reading where the story stands.
    private const int AnyGeneration = AttentionNote.AnyGeneration;

    private static readonly TaskOptions StorageRetry =
        TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(30)));

    public override async Task<StoryOutcome> RunAsync(TaskOrchestrationContext context, StoryCursor cursor)
    {
        ILogger log = context.CreateReplaySafeLogger<StoryOrchestration>();
        TaskOptions modelRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
            Math.Max(1, cursor.Retry.Attempts),
            cursor.Retry.FirstDelay > TimeSpan.Zero ? cursor.Retry.FirstDelay : TimeSpan.FromMilliseconds(1),
            2,
            TimeSpan.FromMinutes(2)));

        // Before the state is read, no generation is known, and a story not yet opened cannot have moved: nothing is later.
        var moves = new MoveListener(context) { Generation = int.MaxValue };
        (bool opened, StoryProgress? progress) = cursor.Progress is not null
            ? (true, cursor.Progress)
            : await UntilSucceededAsync(context, new StepRef(cursor.StoryId, 0, AnyGeneration), moves,
                () => context.CallActivityAsync<StoryProgress>(WorkflowNames.InitializeStory, cursor.StoryId, modelRetry));
        if (!opened)
        {
            return Restart(context, cursor, cursor.Step);
        }

        if (progress!.IsFinished)
        {
            return Finish(context, progress);
        }

        // The state row, not the cursor, says which step is next: a cursor can only lag behind a committed step.
        int step = progress.Step + 1;
        var stepRef = new StepRef(cursor.StoryId, step, progress.Generation);
        moves.Generation = progress.Generation;
        if (progress.EndsEpisode)
        {
            // A serial's episode is complete: the one place every episode ends, whether the opening or a committed step
            // completed it. Whatever follows a published episode belongs here; then the story waits for the next one.
            progress = await context.CallActivityAsync<StoryProgress>(WorkflowNames.EndEpisode, stepRef, StorageRetry);
            log.LogInformation("Story {StoryId} published episode {Episode} at {Paragraphs} paragraphs", cursor.StoryId, progress.Episode, progress.ParagraphCount);
            await NotifyAsync(context, progress, NotificationKind.EpisodePublished, progress.Step);
        }

        if (progress.Status == StoryStatus.AwaitingEpisode)
        {
            StoryProgress? begun = await WaitForEpisodeAsync(context, stepRef, progress);
            if (begun is null)
            {
                return Restart(context, cursor, step);
            }

            progress = begun;
        }

        // A serial is an auto story, so within an episode the human simulator chooses (a reader's recorded vote comes first).
        bool chosen = progress.Mode == StoryMode.Auto
            ? progress.NextPlanChosen
                || (await UntilSucceededAsync(context, stepRef, moves, () => context.CallActivityAsync<ChoiceOutcome>(WorkflowNames.ChoosePlan, stepRef, modelRetry))) is (true, { Chosen: true })
            : await WaitForChoiceAsync(context, stepRef, progress, moves, modelRetry);
        if (!chosen)
        {
            return Restart(context, cursor, step);
        }

        context.SetCustomStatus(Status(step, progress, StoryStatus.Writing));
        IReadOnlyList<RetrievedMemory> recalled = await context.CallActivityAsync<IReadOnlyList<RetrievedMemory>>(WorkflowNames.RetrieveMemories, stepRef, StorageRetry);
        (bool written, _) = await UntilSucceededAsync(context, stepRef, moves,
            () => context.CallActivityAsync<StepWritten>(WorkflowNames.WriteParagraph, new WriteRequest(cursor.StoryId, step, recalled, progress.Generation), modelRetry));
        if (!written)
        {
            return Restart(context, cursor, step);
        }

        progress = await context.CallActivityAsync<StoryProgress>(WorkflowNames.CommitStep, stepRef, StorageRetry);
        if (progress.Generation != stepRef.Generation)
        {
            // The story moved to another line while this step was on its way: nothing was committed; start over.
            return Restart(context, cursor, progress.Step + 1);
        }

        log.LogInformation("Story {StoryId} committed step {Step}: {Paragraphs} paragraphs", cursor.StoryId, step, progress.ParagraphCount);
        await NotifyAsync(context, progress, NotificationKind.StepCommitted, step);
        return progress.IsFinished ? Finish(context, progress) : Restart(context, cursor, step + 1, progress);
    }

    /// <summary>Ends this execution and starts the next with a fresh, empty history.</summary>
    private static StoryOutcome Restart(TaskOrchestrationContext context, StoryCursor cursor, int step, StoryProgress? progress = null)
    {
        context.ContinueAsNew(cursor with { Step = step, Progress = progress });
        return new StoryOutcome(cursor.StoryId, 0, "continued");
    }

    /// <summary>
    /// Interactive mode: publish the plans and wait for the doorbell. The recorded choice is read through an activity;
    /// an event for another step is stale and ignored. Returns false when too many events piled up in this execution.
    /// </summary>
    private static async Task<bool> WaitForChoiceAsync(TaskOrchestrationContext context, StepRef step, StoryProgress progress, MoveListener moves, TaskOptions modelRetry)
    {
        // Each event name keeps one waiter at a time: a second waiter for the same name would swallow the next event.
        Task<int> chosen = context.WaitForExternalEvent<int>(WorkflowNames.PlanChosenEvent);
        Task<int> deadline = context.WaitForExternalEvent<int>(WorkflowNames.DeadlineEvent);

        // A choice may be recorded already (made before this execution began waiting): look once before sleeping.
        ChoiceOutcome recorded = await context.CallActivityAsync<ChoiceOutcome>(WorkflowNames.ReadChoice, step, StorageRetry);
        if (recorded.Chosen || recorded.Moved)
        {
            return recorded.Chosen;
        }

        // Published only now, so "awaiting-choice" means the instance is listening for the choice (its waiters are set).
        context.SetCustomStatus(Status(step.Step, progress, StoryStatus.AwaitingChoice, progress.Plans));

        // Told after the status, so a subscriber that looks sees what it was told; a choice arriving meanwhile is held by the waiters above.
        await NotifyAsync(context, progress, NotificationKind.PlansAwaitingChoice, step.Step);

        for (int events = 0; events < MaxEventsPerExecution; events++)
        {
            Task winner = await Task.WhenAny(chosen, deadline, moves.Next);
            if (winner == moves.Next)
            {
                if (moves.TakeIsLater())
                {
                    return false;
                }
            }
            else if (winner == chosen)
            {
                int eventStep = await chosen;
                chosen = context.WaitForExternalEvent<int>(WorkflowNames.PlanChosenEvent);
                if (eventStep == step.Step)
                {
                    ChoiceOutcome outcome = await context.CallActivityAsync<ChoiceOutcome>(WorkflowNames.ReadChoice, step, StorageRetry);
                    if (outcome.Chosen || outcome.Moved)
                    {
                        return outcome.Chosen;
                    }
                }
            }
            else
            {
                int eventStep = await deadline;
                deadline = context.WaitForExternalEvent<int>(WorkflowNames.DeadlineEvent);
                if (eventStep != step.Step)
                {
                    continue;
                }

                TimeoutPolicy policy = await context.CallActivityAsync<TimeoutPolicy>(WorkflowNames.ApplyChoiceTimeout, step, StorageRetry);
                if (policy == TimeoutPolicy.AutoChoose)
                {
                    return await UntilSucceededAsync(context, step, moves,
                        () => context.CallActivityAsync<ChoiceOutcome>(WorkflowNames.ChoosePlan, step, modelRetry)) is (true, { Chosen: true });
                }

                if (policy == TimeoutPolicy.Pause)
                {
                    context.SetCustomStatus(Status(step.Step, progress, StoryStatus.Paused, progress.Plans, "no choice before the deadline"));
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A serial between episodes waits for EpisodeDue, which the scheduler sweep raises when the schedule comes due (no
    /// timer: see the class comment). An event for another step is stale and ignored. Returns null when too many events
    /// piled up in this execution.
    /// </summary>
    private static async Task<StoryProgress?> WaitForEpisodeAsync(TaskOrchestrationContext context, StepRef step, StoryProgress progress)
    {
        context.SetCustomStatus(Status(step.Step, progress, StoryStatus.AwaitingEpisode));
        for (int events = 0; events < MaxEventsPerExecution; events++)
        {
            int eventStep = await context.WaitForExternalEvent<int>(WorkflowNames.EpisodeDueEvent);
            if (eventStep == step.Step)
            {
                return await context.CallActivityAsync<StoryProgress>(WorkflowNames.BeginEpisode, step, StorageRetry);
            }
        }

        return null;
    }

    /// <summary>
    /// A model call whose retries ran out does not end the story: it shows "needs attention" with the reason and waits
    /// for a Retry event, then tries again. After <see cref="MaxAttentionRounds"/> rounds in one execution the caller
    /// continues as new, so history stays small however often a person retries.
    /// </summary>
    private static async Task<(bool Succeeded, T? Value)> UntilSucceededAsync<T>(TaskOrchestrationContext context, StepRef step, MoveListener moves, Func<Task<T>> call)
    {
        for (int round = 0; round < MaxAttentionRounds; round++)
        {
            string reason;
            try
            {
                return (true, await call());
            }
            catch (TaskFailedException failure)
            {
                reason = failure.FailureDetails.ErrorMessage;
            }

            StoryProgress progress = await context.CallActivityAsync<StoryProgress>(WorkflowNames.MarkNeedsAttention, new AttentionNote(step.StoryId, step.Step, reason, step.Generation), StorageRetry);
            if (step.Generation != AnyGeneration && progress.Generation != step.Generation)
            {
                return (false, default);
            }

            context.SetCustomStatus(Status(step.Step, progress, StoryStatus.NeedsAttention, reason: reason));

            // Waiting starts before the subscriber is told, so a Retry sent in reply to the notification is already awaited.
            Task<object?> retry = context.WaitForExternalEvent<object?>(WorkflowNames.RetryEvent);
            await NotifyAsync(context, progress, NotificationKind.NeedsAttention, step.Step);
            for (int events = 0; events < MaxEventsPerExecution; events++)
            {
                // A rewind or restore while the story needs attention: the failed step belongs to a line it left.
                if (await Task.WhenAny(retry, moves.Next) == retry)
                {
                    break;
                }

                if (moves.TakeIsLater())
                {
                    return (false, default);
                }
            }

            if (!retry.IsCompleted)
            {
                return (false, default);
            }
        }

        return (false, default);
    }

    /// <summary>
    /// Tells the story's subscriber, when it has one: stories without a callback URL schedule no activity at all. The
    /// sender retries on its own, so the activity has no retry policy; a subscriber that still fails is logged, never
    /// allowed to stop or fail the story.
    /// </summary>
    private static async Task NotifyAsync(TaskOrchestrationContext context, StoryProgress progress, NotificationKind kind, int step)
    {
        if (!progress.HasCallback)
        {
            return;
        }

        try
        {
            await context.CallActivityAsync<bool>(WorkflowNames.NotifySubscribers, new Notification(progress.StoryId, kind, step));
        }
        catch (TaskFailedException failure)
        {
            context.CreateReplaySafeLogger<StoryOrchestration>().LogWarning(
                "Story {StoryId}: notifying the subscriber of {Kind} at step {Step} failed: {Reason}",
                progress.StoryId, kind, step, failure.FailureDetails.ErrorMessage);
        }
    }

    /// <summary>
    /// The one waiter for Moved in an execution (each event name keeps one waiter at a time). Moved for this execution's
    /// generation or an earlier one is stale, a second telling of a move already seen: it is taken and waited for again.
    /// </summary>
    private sealed class MoveListener(TaskOrchestrationContext context)
    {
        private Task<int>? _next;

        public int Generation { get; set; }

        public Task<int> Next => _next ??= context.WaitForExternalEvent<int>(WorkflowNames.MovedEvent);

        /// <summary>Takes the Moved event that arrived: true when it names a later generation than this execution's.</summary>
        public bool TakeIsLater()
        {
            int moved = Next.Result;
            _next = null;
            return moved > Generation;
        }
    }

    private static StoryOutcome Finish(TaskOrchestrationContext context, StoryProgress progress)
    {
        StoryStatus status = progress.Status == StoryStatus.Cancelled ? StoryStatus.Cancelled : StoryStatus.Completed;
        context.SetCustomStatus(Status(progress.Step, progress, status));
        return new StoryOutcome(progress.StoryId, progress.ParagraphCount, ContractJson.Name(status));
    }

    /// <summary>The custom status, in the contract's own names for the status and the mode.</summary>
    private static StoryStatusView Status(int step, StoryProgress progress, StoryStatus status, IReadOnlyList<string>? plans = null, string? reason = null) =>
        new(step, ContractJson.Name(progress.Mode), ContractJson.Name(status), progress.ParagraphCount, plans, reason, progress.Generation);
}
