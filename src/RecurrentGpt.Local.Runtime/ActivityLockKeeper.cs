using System.Collections.Concurrent;
using DurableTask.Core;
using Microsoft.Extensions.Logging;

namespace RecurrentGpt.Local.Runtime;

/// <summary>
/// Keeps each running activity's queue message hidden by renewing its lock every third of the lock time. The sidecar
/// never renews activity locks, so without this an activity that outlives the lock runs a second time alongside the
/// first; with it, the lock can be short, and so can the wait before a crashed process's activity runs again. At a
/// clean stop it hands the activities still held back to the engine, so the next process need not wait at all.
/// </summary>
internal sealed partial class ActivityLockKeeper(IOrchestrationService engine, TimeSpan lockTimeout, ILogger logger)
{
    private readonly ConcurrentDictionary<TaskActivityWorkItem, Renewal> _renewals = new(ReferenceEqualityComparer.Instance);

    public void Keep(TaskActivityWorkItem workItem)
    {
        var stop = new CancellationTokenSource();
        _renewals[workItem] = new Renewal(stop, Task.Run(() => RenewUntilStoppedAsync(workItem, stop.Token), CancellationToken.None));
    }

    /// <summary>Stops renewing and waits for a renewal in flight, so it cannot race the completion that follows.</summary>
    public async Task ReleaseAsync(TaskActivityWorkItem workItem)
    {
        if (!_renewals.TryRemove(workItem, out Renewal? renewal))
        {
            return;
        }

        await renewal.Stop.CancelAsync();
        await renewal.Loop;
        renewal.Stop.Dispose();
    }

    /// <summary>Activities handed out and not yet completed or abandoned.</summary>
    public int Count => _renewals.Count;

    /// <summary>
    /// For shutdown, once the worker is gone: stops every renewal and abandons each activity the worker never finished, so
    /// the engine hands it out again within seconds (its abandon back-off) instead of after the lock time.
    /// </summary>
    public async Task AbandonAllAsync()
    {
        foreach (TaskActivityWorkItem workItem in _renewals.Keys)
        {
            if (!_renewals.ContainsKey(workItem))
            {
                continue;
            }

            await ReleaseAsync(workItem);
            try
            {
                await engine.AbandonTaskActivityWorkItemAsync(workItem);
                LogHandedBack(logger, workItem.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Then it runs again once its lock lapses, as after a crash.
                LogHandBackFailed(logger, ex, workItem.Id);
            }
        }
    }

    private async Task RenewUntilStoppedAsync(TaskActivityWorkItem workItem, CancellationToken stop)
    {
        TimeSpan interval = lockTimeout / 3;
        try
        {
            while (true)
            {
                await Task.Delay(interval, stop);
                try
                {
                    await engine.RenewTaskActivityWorkItemLockAsync(workItem);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next attempt may succeed; if none does, the activity runs again later, as after a crash.
                    LogRenewalFailed(logger, ex, workItem.Id);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lock of activity work item {WorkItemId}")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception, string workItemId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handed activity work item {WorkItemId} back to the engine at shutdown")]
    private static partial void LogHandedBack(ILogger logger, string workItemId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand activity work item {WorkItemId} back at shutdown; it runs again once its lock lapses")]
    private static partial void LogHandBackFailed(ILogger logger, Exception exception, string workItemId);

    private sealed record Renewal(CancellationTokenSource Stop, Task Loop);
}
