using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RecurrentGpt.TestSupport;
using Xunit.Abstractions;

namespace RecurrentGpt.Local.Runtime.Tests;

/// <summary>
/// What a runtime holds when it stops cleanly is handed back to the engine, so the next runtime on the task hub gets it
/// at once instead of after the lock time; a runtime that takes no work holds nothing at all.
/// </summary>
[Collection(LocalRuntimeCollection.Name)]
public sealed class HandBackTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Orchestration = "CallLongActivity";
    private const string LongActivity = "LongActivity";

    // Far longer than any wait below: a lock that had to lapse would show.
    private static readonly TimeSpan LockTime = TimeSpan.FromSeconds(30);
    private static readonly ConcurrentDictionary<string, int> Runs = new();

    [Fact]
    public async Task Activity_in_flight_at_a_clean_stop_runs_again_in_the_next_runtime_without_waiting_for_its_lock()
    {
        using CancellationTokenSource deadline = TestRuntimes.Deadline(180);
        LocalRuntimeOptions options = Options(await azurite.ConnectionStringAsync(), TestRuntimes.NewTaskHubName());
        string id = "long-" + Guid.NewGuid().ToString("N");
        await using (LocalDurableRuntime first = await LocalDurableRuntime.StartAsync(options, Register, null, deadline.Token))
        {
            await first.Client.ScheduleNewOrchestrationInstanceAsync(Orchestration, id, new StartOrchestrationOptions(id), deadline.Token);
            await Polling.UntilAsync(() => Task.FromResult(Runs.GetValueOrDefault(id)), runs => runs == 1, runs => $"{runs} runs", TimeSpan.FromMinutes(1));
            Assert.Equal(1, first.ActivitiesInFlight);
        }

        var clock = Stopwatch.StartNew();
        await using LocalDurableRuntime second = await LocalDurableRuntime.StartAsync(options, Register, null, deadline.Token);
        OrchestrationMetadata done = await RingLoopDriver.WaitForAsync(second.Client, id, instance => instance.IsCompleted, "completion", deadline.Token);
        output.WriteLine($"the activity ran again {clock.Elapsed.TotalSeconds:F1} s after the next runtime began to start (lock time {LockTime.TotalSeconds} s)");

        Assert.Equal("finished on run 2", done.ReadOutputAs<string>());
        Assert.True(clock.Elapsed < LockTime / 2, $"the next runtime waited {clock.Elapsed.TotalSeconds:F1} s for the activity");
    }

    [Fact]
    public async Task Runtime_that_takes_no_work_claims_nothing_and_a_second_working_runtime_names_itself_apart()
    {
        using CancellationTokenSource deadline = TestRuntimes.Deadline(180);
        string connectionString = await azurite.ConnectionStringAsync();
        string taskHub = TestRuntimes.NewTaskHubName();
        await using LocalDurableRuntime working = await TestRuntimes.StartRingLoopAsync(connectionString, taskHub, deadline.Token);
        string id = "ring-" + Guid.NewGuid().ToString("N");
        await RingLoopDriver.StartAsync(working.Client, id, generations: 2, deadline.Token);
        await RingLoopDriver.WaitUntilWaitingAsync(working.Client, id, 0, deadline.Token);

        // A listing's runtime comes and goes while the story waits: it reads, and takes nothing with it.
        LocalRuntimeOptions readOnly = TestRuntimes.Options(connectionString, taskHub);
        readOnly.ProcessesWork = false;
        await using (LocalDurableRuntime reader = await LocalDurableRuntime.StartAsync(readOnly, Crashable.RingLoop.Register, null, deadline.Token))
        {
            Assert.NotNull(await reader.Client.GetInstanceAsync(id, deadline.Token));
            Assert.NotEqual(working.WorkerName, reader.WorkerName);
        }

        // A second working runtime on the task hub shares it under a name of its own.
        await using (LocalDurableRuntime second = await TestRuntimes.StartRingLoopAsync(connectionString, taskHub, deadline.Token))
        {
            Assert.Equal(Environment.MachineName, working.WorkerName);
            Assert.NotEqual(working.WorkerName, second.WorkerName);
            await RingLoopDriver.RingAsync(second.Client, id, 0, "shared", deadline.Token);
            await RingLoopDriver.WaitUntilWaitingAsync(second.Client, id, 1, deadline.Token);
        }

        var clock = Stopwatch.StartNew();
        await RingLoopDriver.RingAsync(working.Client, id, 1, "alone", deadline.Token);
        Assert.Equal(Crashable.RingLoop.ExpectedTrail("shared", "alone"), await RingLoopDriver.WaitForOutputAsync(working.Client, id, deadline.Token));
        output.WriteLine($"after the second runtime stopped, the last step took {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(clock.Elapsed < LockTime / 2, $"the last step took {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static LocalRuntimeOptions Options(string connectionString, string taskHub)
    {
        LocalRuntimeOptions options = TestRuntimes.Options(connectionString, taskHub);
        options.ActivityLockTimeout = LockTime;
        options.OrchestrationLockTimeout = LockTime;
        return options;
    }

    private static void Register(DurableTaskRegistry tasks)
    {
        tasks.AddOrchestratorFunc<string, string>(Orchestration, (context, _) => context.CallActivityAsync<string>(LongActivity, context.InstanceId));
        tasks.AddActivityFunc<string, string>(LongActivity, async (_, runId) =>
        {
            ArgumentNullException.ThrowIfNull(runId);
            int run = Runs.AddOrUpdate(runId, 1, (_, runs) => runs + 1);

            // The first run is cut off by its runtime's stop; the one after it finishes at once.
            if (run == 1)
            {
                await Task.Delay(TimeSpan.FromMinutes(3));
            }

            return $"finished on run {run}";
        });
    }
}
