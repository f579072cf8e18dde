using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RecurrentGpt.Local.Runtime;

namespace RecurrentGpt.Bench.LocalRuntime;

/// <summary>What one measurement found; times are wall clock on this machine, storage already running.</summary>
public sealed record LocalRuntimeFigures(
    TimeSpan FirstStart, TimeSpan Dispose, TimeSpan Restart, Timings ActivityRoundTrips, Timings EventSteps, int OutOfOrderMessages);

/// <summary>
/// Starts a runtime on a new task hub (the hub is created), disposes it, starts another on the same hub, then times a
/// chain of activities and a series of events against it.
/// </summary>
public static class LocalRuntimeMeasurement
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    public static async Task<LocalRuntimeFigures> RunAsync(string connectionString, int roundTrips, int rings, CancellationToken cancellationToken)
    {
        var options = new LocalRuntimeOptions
        {
            StorageConnectionString = connectionString,
            TaskHubName = "bench" + Guid.NewGuid().ToString("N")[..16],
        };

        var clock = Stopwatch.StartNew();
        LocalDurableRuntime first = await LocalDurableRuntime.StartAsync(options, LatencyProbes.Register, null, cancellationToken);
        TimeSpan firstStart = clock.Elapsed;
        clock.Restart();
        await first.DisposeAsync();
        TimeSpan dispose = clock.Elapsed;
        clock.Restart();
        await using LocalDurableRuntime runtime = await LocalDurableRuntime.StartAsync(options, LatencyProbes.Register, null, cancellationToken);
        TimeSpan restart = clock.Elapsed;

        string chain = "chain-" + Guid.NewGuid().ToString("N");
        await runtime.Client.ScheduleNewOrchestrationInstanceAsync(
            LatencyProbes.Chain, new ChainRequest(chain, roundTrips + 1), new StartOrchestrationOptions(chain), cancellationToken);
        await WaitForAsync(runtime.Client, chain, instance => instance.IsCompleted, cancellationToken);

        IReadOnlyList<TimeSpan> eventSteps = await RingDoorbellAsync(runtime.Client, rings, cancellationToken);
        return new LocalRuntimeFigures(
            firstStart, dispose, restart, Timings.Of(LatencyProbes.RoundTrips(chain)), Timings.Of(eventSteps), runtime.Log.OutOfOrderMessageCount);
    }

    private static async Task<IReadOnlyList<TimeSpan>> RingDoorbellAsync(DurableTaskClient client, int rings, CancellationToken cancellationToken)
    {
        string id = "doorbell-" + Guid.NewGuid().ToString("N");
        await client.ScheduleNewOrchestrationInstanceAsync(LatencyProbes.Doorbell, rings, new StartOrchestrationOptions(id), cancellationToken);
        var steps = new List<TimeSpan>();
        for (int heard = 0; heard < rings; heard++)
        {
            int waitingAt = heard;
            await WaitForAsync(client, id, instance => Heard(instance, waitingAt), cancellationToken);
            long rung = Stopwatch.GetTimestamp();
            await client.RaiseEventAsync(id, LatencyProbes.RingEvent, heard, cancellationToken);
            await WaitForAsync(client, id, instance => Heard(instance, waitingAt + 1), cancellationToken);
            steps.Add(Stopwatch.GetElapsedTime(rung));
        }

        return steps;
    }

    private static bool Heard(OrchestrationMetadata instance, int rings) =>
        instance.SerializedCustomStatus is not null && instance.ReadCustomStatusAs<int>() == rings;

    // The client's own completion wait polls storage every 2 s, far coarser than what is measured here.
    private static async Task WaitForAsync(
        DurableTaskClient client, string instanceId, Func<OrchestrationMetadata, bool> condition, CancellationToken cancellationToken)
    {
        while (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken) is not { } instance || !condition(instance))
        {
            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
