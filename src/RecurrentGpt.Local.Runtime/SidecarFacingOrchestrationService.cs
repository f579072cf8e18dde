using System.Collections.Concurrent;
using System.Diagnostics;
using DurableTask.Core;

namespace RecurrentGpt.Local.Runtime;

/// <summary>
/// The engine as the gRPC sidecar sees it: everything passes through except start and stop, which the runtime owns,
/// and activity locks, which are kept renewed while an activity runs (<see cref="ActivityLockKeeper"/>). The sidecar
/// would start the engine only once a worker connects and stop it from an <c>async void</c> shutdown hook, where a
/// failure ends the process and which races the runtime's own bounded stop.
/// It also knows which work items the sidecar holds: once the worker has gone, the sidecar waits for their results
/// forever, so at shutdown <see cref="HandBackAsync"/> returns them to the engine instead of leaving them locked.
/// </summary>
internal sealed class SidecarFacingOrchestrationService(IOrchestrationService engine, ActivityLockKeeper activityLocks) : IOrchestrationService
{
    // A result on its way into the engine's read-ahead is caught if it lands within this; the drain as a whole is bounded.
    private static readonly TimeSpan ReadAheadWait = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan ReadAheadDrainLimit = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<TaskOrchestrationWorkItem, byte> _orchestrations = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Abandons every orchestration and activity work item still held, for shutdown after the sidecar stopped: the engine
    /// hands them out again within seconds (its abandon back-off) instead of after their lock time. That includes what
    /// the engine has read from its control queues and not yet handed out (an activity's result that arrived as the
    /// process stopped): nobody would take it now, and it would stay hidden for the orchestration lock time.
    /// </summary>
    public async Task HandBackAsync(CancellationToken cancellationToken)
    {
        foreach (TaskOrchestrationWorkItem workItem in _orchestrations.Keys)
        {
            if (_orchestrations.TryRemove(workItem, out _))
            {
                await AbandonAsync(workItem);
            }
        }

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ReadAheadDrainLimit && !cancellationToken.IsCancellationRequested)
        {
            // The engine's wait ignores its timeout argument and ends on the token, with no work item.
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(ReadAheadWait);
            TaskOrchestrationWorkItem? readAhead = await engine.LockNextTaskOrchestrationWorkItemAsync(ReadAheadWait, wait.Token);
            if (readAhead is null)
            {
                break;
            }

            await AbandonAsync(readAhead);
        }

        await activityLocks.AbandonAllAsync();
    }

    public int TaskOrchestrationDispatcherCount => engine.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => engine.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => engine.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => engine.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => engine.MaxConcurrentTaskActivityWorkItems;

    public Task StartAsync() => Task.CompletedTask;

    public Task StopAsync() => Task.CompletedTask;

    public Task StopAsync(bool isForced) => Task.CompletedTask;

    public Task CreateAsync() => engine.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => engine.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => engine.CreateIfNotExistsAsync();

    public Task DeleteAsync() => engine.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => engine.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        engine.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) =>
        engine.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) =>
        engine.GetDelayInSecondsAfterOnFetchException(exception);

    public async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        TaskOrchestrationWorkItem workItem = await engine.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            _orchestrations[workItem] = 0;
        }

        return workItem!;
    }

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) =>
        engine.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) =>
        engine.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) =>
        engine.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) =>
        _orchestrations.TryRemove(workItem, out _) ? engine.ReleaseTaskOrchestrationWorkItemAsync(workItem) : Task.CompletedTask;

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        TaskActivityWorkItem workItem = await engine.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            activityLocks.Keep(workItem);
        }

        return workItem!;
    }

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) =>
        engine.RenewTaskActivityWorkItemLockAsync(workItem);

    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        await activityLocks.ReleaseAsync(workItem);
        await engine.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    }

    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        await activityLocks.ReleaseAsync(workItem);
        await engine.AbandonTaskActivityWorkItemAsync(workItem);
    }

    private async Task AbandonAsync(TaskOrchestrationWorkItem workItem)
    {
        await engine.AbandonTaskOrchestrationWorkItemAsync(workItem);
        await engine.ReleaseTaskOrchestrationWorkItemAsync(workItem);
    }
}
