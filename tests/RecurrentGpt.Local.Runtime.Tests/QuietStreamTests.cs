using System.Diagnostics;
using RecurrentGpt.Local.Runtime.Tests.Crashable;
using RecurrentGpt.TestSupport;
using Xunit.Abstractions;

namespace RecurrentGpt.Local.Runtime.Tests;

/// <summary>An interactive story waits minutes for a human: the worker's connection must stay put while nothing flows.</summary>
[Collection(LocalRuntimeCollection.Name)]
public sealed class QuietStreamTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string RedialWarning = "stopped receiving traffic";

    [Fact]
    public void Worker_never_redials_a_quiet_stream_by_default()
    {
        Assert.True(new LocalRuntimeOptions().WorkerSilentDisconnectTimeout <= TimeSpan.Zero);
    }

    [Fact]
    public async Task Event_after_a_quiet_spell_is_processed_promptly_and_without_a_redial()
    {
        // RGPT_QUIET_SECONDS=130 covers the worker's own 120 s default; the suite keeps it short.
        int quietSeconds = int.TryParse(Environment.GetEnvironmentVariable("RGPT_QUIET_SECONDS"), out int configured) ? configured : 4;
        using CancellationTokenSource deadline = TestRuntimes.Deadline(120 + quietSeconds);
        string connectionString = await azurite.ConnectionStringAsync();
        await using LocalDurableRuntime runtime = await TestRuntimes.StartRingLoopAsync(connectionString, TestRuntimes.NewTaskHubName(), deadline.Token);
        string id = "ring-" + Guid.NewGuid().ToString("N");

        await RingLoopDriver.StartAsync(runtime.Client, id, generations: 2, deadline.Token);
        await RingLoopDriver.WaitUntilWaitingAsync(runtime.Client, id, 0, deadline.Token);
        await Task.Delay(TimeSpan.FromSeconds(quietSeconds), deadline.Token); // the quiet spell is the point of the test
        var clock = Stopwatch.StartNew();
        await RingLoopDriver.RingAsync(runtime.Client, id, 0, "late", deadline.Token);
        await RingLoopDriver.WaitUntilWaitingAsync(runtime.Client, id, 1, deadline.Token);
        TimeSpan step = clock.Elapsed;
        await RingLoopDriver.RingAsync(runtime.Client, id, 1, "done", deadline.Token);

        Assert.Equal(RingLoop.ExpectedTrail("late", "done"), await RingLoopDriver.WaitForOutputAsync(runtime.Client, id, deadline.Token));
        Assert.DoesNotContain(runtime.Log.Entries, entry => entry.Message.Contains(RedialWarning, StringComparison.Ordinal));
        Assert.True(step < TimeSpan.FromSeconds(10), $"the step after {quietSeconds} s of quiet took {step}");
        output.WriteLine($"step after {quietSeconds} s of quiet: {step.TotalMilliseconds:F0} ms");
    }
}
