using System.Diagnostics;
using RecurrentGpt.Local.Runtime.Tests.Crashable;
using RecurrentGpt.TestSupport;
using Xunit.Abstractions;

namespace RecurrentGpt.Local.Runtime.Tests;

[Collection(LocalRuntimeCollection.Name)]
public sealed class ProcessKillTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Waiting_instance_survives_SIGKILL_of_its_process_and_completes_in_the_next()
    {
        using CancellationTokenSource deadline = TestRuntimes.Deadline(180);
        string connectionString = await azurite.ConnectionStringAsync();
        string taskHub = TestRuntimes.NewTaskHubName();
        string id = "ring-" + Guid.NewGuid().ToString("N");

        using (CrashableProcess child = CrashableProcess.Start(connectionString, taskHub, id, "2"))
        {
            output.WriteLine(await child.WaitUntilReadyAsync(deadline.Token));
            await child.KillAsync(deadline.Token);
            Assert.Equal(137, child.ExitCode); // 128 + SIGKILL
        }

        var clock = Stopwatch.StartNew();
        await using LocalDurableRuntime runtime = await TestRuntimes.StartRingLoopAsync(connectionString, taskHub, deadline.Token);
        TimeSpan started = clock.Elapsed;
        await RingLoopDriver.RingAsync(runtime.Client, id, 0, "after-kill", deadline.Token);
        await RingLoopDriver.WaitUntilWaitingAsync(runtime.Client, id, 1, deadline.Token);
        TimeSpan firstStep = clock.Elapsed;
        await RingLoopDriver.RingAsync(runtime.Client, id, 1, "second", deadline.Token);

        Assert.Equal(RingLoop.ExpectedTrail("after-kill", "second"), await RingLoopDriver.WaitForOutputAsync(runtime.Client, id, deadline.Token));
        Assert.Equal(0, runtime.Log.OutOfOrderMessageCount);
        output.WriteLine($"after SIGKILL: runtime started in {started.TotalMilliseconds:F0} ms; first step (bell, activity, continue-as-new) done at {firstStep.TotalMilliseconds:F0} ms");
    }
}
