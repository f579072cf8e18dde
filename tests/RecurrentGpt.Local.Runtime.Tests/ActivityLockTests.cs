using System.Collections.Concurrent;
using Microsoft.DurableTask;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Local.Runtime.Tests;

/// <summary>A model call can outlast the activity lock; the runtime must keep the lock, or the call is made twice.</summary>
[Collection(LocalRuntimeCollection.Name)]
public sealed class ActivityLockTests(AzuriteFixture azurite)
{
    private const string Orchestration = "CallSlowActivity";
    private const string SlowActivity = "SlowActivity";
    private static readonly ConcurrentDictionary<string, int> Runs = new();

    [Fact]
    public async Task Activity_that_outlives_its_lock_runs_once()
    {
        using CancellationTokenSource deadline = TestRuntimes.Deadline();
        string connectionString = await azurite.ConnectionStringAsync();
        LocalRuntimeOptions options = TestRuntimes.Options(connectionString, TestRuntimes.NewTaskHubName());
        options.ActivityLockTimeout = TimeSpan.FromSeconds(2);
        await using LocalDurableRuntime runtime = await LocalDurableRuntime.StartAsync(options, Register, null, deadline.Token);
        string id = "slow-" + Guid.NewGuid().ToString("N");

        await runtime.Client.ScheduleNewOrchestrationInstanceAsync(Orchestration, id, new StartOrchestrationOptions(id), deadline.Token);
        var done = await RingLoopDriver.WaitForAsync(runtime.Client, id, instance => instance.IsCompleted, "completion", deadline.Token);

        // A lapsed lock shows after the fact: the message comes back, is refused while the first run holds it, and runs
        // again after the first run's delete fails. Watching three more lock times proves its absence.
        await Task.Delay(3 * options.ActivityLockTimeout, deadline.Token);

        Assert.Equal("worked 1 time(s)", done.ReadOutputAs<string>());
        Assert.Equal(1, Runs[id]);
        Assert.DoesNotContain(runtime.Log.Entries, entry => entry.Message.Contains("processed multiple times concurrently", StringComparison.Ordinal));
        Assert.DoesNotContain(runtime.Log.Entries, entry => entry.Category == OutOfOrderMessages.Category && entry.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    private static void Register(DurableTaskRegistry tasks)
    {
        tasks.AddOrchestratorFunc<string, string>(Orchestration, (context, runId) => context.CallActivityAsync<string>(SlowActivity, runId));
        tasks.AddActivityFunc<string, string>(SlowActivity, async (_, runId) =>
        {
            ArgumentNullException.ThrowIfNull(runId);
            int run = Runs.AddOrUpdate(runId, 1, (_, runs) => runs + 1);

            // The work itself: three lock times long, so an unrenewed lock would expire twice.
            await Task.Delay(TimeSpan.FromSeconds(6));
            return $"worked {run} time(s)";
        });
    }
}
