using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using Microsoft.DurableTask.Client;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Engine;
using RecurrentGpt.Workflow.Lines;

namespace RecurrentGpt.Workflow.Scheduling;

/// <summary>
/// The one periodic sweep behind all time-driven work: it reads only the due-work index (what is due now, oldest first,
/// bounded per sweep), checks each entry against the story's state row, and raises the event the orchestration waits for.
/// A host that was down for many periods finds each entry once, so it catches up once: a serial has one pending episode
/// entry at a time, and the next is scheduled from the time that episode ends.
/// </summary>
public sealed partial class SchedulerSweep(
    DueWorkIndex due,
    StoryStateStore states,
    WebhookDeliveryLog deliveries,
    IDurableClientSource engine,
    LineMoveSignal moves,
    IOptions<WorkflowOptions> options,
    TimeProvider time,
    ILogger<SchedulerSweep> log)
{
    private const int MaxForgottenPerSweep = 100;
    private static readonly TimeSpan DeliveryMemory = TimeSpan.FromDays(2);

    // How long after a move its telling is repeated while the instance has not shown it followed (a host that runs
    // the instance at all does so within seconds; this bounds the repeats when none does).
    private static readonly TimeSpan MoveWatch = TimeSpan.FromMinutes(10);

    public async Task<SweepReport> RunOnceAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        IReadOnlyList<DueWork> entries = await due.ListDueAsync(now, options.Value.MaxDueWorkPerSweep, cancellationToken);
        int rung = 0, raised = 0, episodes = 0, dropped = 0;
        foreach (DueWork entry in entries)
        {
            StoryState? state = (await states.GetAsync(entry.StoryId, cancellationToken))?.State;
            bool waitsForThisStep = state is not null && state.Step + 1 == entry.Step
                && state.Status is StoryStatus.AwaitingChoice or StoryStatus.Paused;
            switch (entry.Kind)
            {
                case DueWorkKind.ChoiceDoorbell when state is not null && state.Step + 1 == entry.Step
                    && state.Status is StoryStatus.AwaitingChoice or StoryStatus.Paused or StoryStatus.Writing
                    && await states.GetChoiceAsync(state.CurrentLine, entry.Step, cancellationToken) is not null:
                    // Recorded (the state says writing from then on) but perhaps not consumed: ring while the instance
                    // still says it waits for this step, and look again next interval until it has moved on.
                    switch (await WaitingInstanceAsync(entry, cancellationToken))
                    {
                        case true:
                            await due.ScheduleAsync(entry with { DueAt = now + options.Value.SweepInterval }, cancellationToken);
                            if (await RaiseAsync(entry, WorkflowNames.PlanChosenEvent, cancellationToken))
                            {
                                rung++;
                            }

                            break;
                        case null:
                            await due.ScheduleAsync(entry with { DueAt = now + options.Value.SweepInterval }, cancellationToken);
                            break;
                    }

                    break;
                case DueWorkKind.ChoiceDeadline when waitsForThisStep && state!.Status == StoryStatus.AwaitingChoice:
                    if (await RaiseAsync(entry, WorkflowNames.DeadlineEvent, cancellationToken))
                    {
                        raised++;
                    }

                    break;
                case DueWorkKind.Episode when state is { Status: StoryStatus.AwaitingEpisode } && state.Step + 1 == entry.Step:
                    if (await RaiseAsync(entry, WorkflowNames.EpisodeDueEvent, cancellationToken))
                    {
                        episodes++;
                    }
                    else
                    {
                        // Unlike a doorbell, nothing else would ring for this episode again: keep it for the next sweep.
                        await due.ScheduleAsync(entry with { DueAt = now + options.Value.SweepInterval }, cancellationToken);
                    }

                    break;
                case DueWorkKind.LineMoved when state is not null && state.Generation == entry.Step:
                    // The move's own telling may have been lost (the process died after the move, or the instance was
                    // finishing its last step and completed without reading it): tell it again each interval until the
                    // instance shows it followed, for a bounded time after the move.
                    try
                    {
                        if (!await moves.SendAsync(state, cancellationToken) && now - state.UpdatedAt < MoveWatch)
                        {
                            await due.ScheduleAsync(entry with { DueAt = now + options.Value.SweepInterval }, cancellationToken);
                        }

                        raised++;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        LogRaiseFailed(entry.StoryId, entry.Step, WorkflowNames.MovedEvent, ex.Message);
                        await due.ScheduleAsync(entry with { DueAt = now + options.Value.SweepInterval }, cancellationToken);
                    }

                    break;
                default:
                    dropped++;
                    break;
            }

            await due.RemoveAsync(entry, cancellationToken);
        }

        // Webhook delivery ids outlive their 5-minute window by a day or two, then go, a bounded batch per sweep.
        await deliveries.ForgetBeforeAsync(now - DeliveryMemory, MaxForgottenPerSweep, cancellationToken);
        return new SweepReport(entries.Count, rung, raised, episodes, dropped);
    }

    /// <summary>
    /// True when the story's instance says it waits for the entry's step (awaiting a choice, or paused there); false when
    /// it is writing that step (the choice was taken); null when it has not reached that step yet, or cannot be read.
    /// </summary>
    private async Task<bool?> WaitingInstanceAsync(DueWork entry, CancellationToken cancellationToken)
    {
        OrchestrationMetadata? instance;
        try
        {
            instance = await engine.Client.GetInstanceAsync(entry.StoryId, getInputsAndOutputs: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRaiseFailed(entry.StoryId, entry.Step, WorkflowNames.PlanChosenEvent, ex.Message);
            return null;
        }

        StoryStatusView? shown = instance?.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<StoryStatusView>();
        return shown switch
        {
            // No status to go by: ring, as before the instance published any.
            null => true,
            _ when shown.Step != entry.Step => null,
            { Status: "writing" } => false,
            _ => true,
        };
    }

    private async Task<bool> RaiseAsync(DueWork entry, string eventName, CancellationToken cancellationToken)
    {
        try
        {
            await engine.Client.RaiseEventAsync(entry.StoryId, eventName, entry.Step, cancellationToken);
            LogRaised(entry.StoryId, entry.Step, eventName);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The instance may be gone (cancelled, purged): the state row said it waits, so log it and move on.
            LogRaiseFailed(entry.StoryId, entry.Step, eventName, ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep raised {EventName} for story {StoryId}, step {Step}")]
    private partial void LogRaised(string storyId, int step, string eventName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep could not raise {EventName} for story {StoryId}, step {Step}: {Reason}")]
    private partial void LogRaiseFailed(string storyId, int step, string eventName, string reason);
}
