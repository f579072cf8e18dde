using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RecurrentGpt.Local.Runtime.Tests.Crashable;

namespace RecurrentGpt.Local.Runtime.Tests;

/// <summary>Drives a ring loop from outside: waits until a generation waits, rings its bell, reads the result. Polls, never sleeps blind.</summary>
internal static class RingLoopDriver
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public static Task<string> StartAsync(DurableTaskClient client, string instanceId, int generations, CancellationToken cancellationToken) =>
        client.ScheduleNewOrchestrationInstanceAsync(
            RingLoop.Orchestration, new RingCursor(0, generations, string.Empty), new StartOrchestrationOptions(instanceId), cancellationToken);

    public static Task WaitUntilWaitingAsync(DurableTaskClient client, string instanceId, int generation, CancellationToken cancellationToken) =>
        WaitForAsync(
            client,
            instanceId,
            // Not the runtime status: a crash inside the engine's checkpoint can leave the Instances row at Pending
            // while the orchestration runs on; the published custom status is the reliable sign.
            instance => !instance.IsCompleted && HasCustomStatus(instance, RingLoop.WaitingStatus(generation)),
            $"generation {generation} waiting for its bell",
            cancellationToken);

    public static async Task RingAsync(DurableTaskClient client, string instanceId, int generation, string word, CancellationToken cancellationToken)
    {
        await WaitUntilWaitingAsync(client, instanceId, generation, cancellationToken);
        await client.RaiseEventAsync(instanceId, RingLoop.BellEvent, new Bell(generation, word), cancellationToken);
    }

    public static async Task<string?> WaitForOutputAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        OrchestrationMetadata done = await WaitForAsync(
            client, instanceId, instance => instance.IsCompleted, "completion", cancellationToken);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return done.ReadOutputAs<string>();
    }

    /// <summary>True when the instance published this custom status (none published yet is simply false).</summary>
    public static bool HasCustomStatus<T>(OrchestrationMetadata instance, T expected) =>
        instance.SerializedCustomStatus is not null && EqualityComparer<T>.Default.Equals(instance.ReadCustomStatusAs<T>(), expected);

    // The client's own completion wait polls storage every 2 s; this one answers within a poll interval.
    public static async Task<OrchestrationMetadata> WaitForAsync(
        DurableTaskClient client, string instanceId, Func<OrchestrationMetadata, bool> condition, string what, CancellationToken cancellationToken)
    {
        OrchestrationMetadata? last = null;
        try
        {
            while (true)
            {
                last = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
                if (last is not null && condition(last))
                {
                    return last;
                }

                await Task.Delay(PollInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"{instanceId}: no {what} before the deadline; last seen {last?.RuntimeStatus.ToString() ?? "nothing"} " +
                $"with status {last?.SerializedCustomStatus ?? "none"}");
        }
    }
}
