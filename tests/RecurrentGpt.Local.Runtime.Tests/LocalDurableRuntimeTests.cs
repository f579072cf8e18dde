using System.Net;
using RecurrentGpt.Local.Runtime.Tests.Crashable;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Local.Runtime.Tests;

[Collection(LocalRuntimeCollection.Name)]
public sealed class LocalDurableRuntimeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Ring_loop_completes_through_activity_event_and_continue_as_new()
    {
        using CancellationTokenSource deadline = TestRuntimes.Deadline();
        string connectionString = await azurite.ConnectionStringAsync();
        await using LocalDurableRuntime runtime = await TestRuntimes.StartRingLoopAsync(connectionString, TestRuntimes.NewTaskHubName(), deadline.Token);
        string id = "ring-" + Guid.NewGuid().ToString("N");

        await RingLoopDriver.StartAsync(runtime.Client, id, generations: 3, deadline.Token);
        await RingLoopDriver.RingAsync(runtime.Client, id, 0, "alpha", deadline.Token);
        await RingLoopDriver.RingAsync(runtime.Client, id, 1, "beta", deadline.Token);
        await RingLoopDriver.RingAsync(runtime.Client, id, 2, "gamma", deadline.Token);

        Assert.Equal(RingLoop.ExpectedTrail("alpha", "beta", "gamma"), await RingLoopDriver.WaitForOutputAsync(runtime.Client, id, deadline.Token));
        Assert.Equal(0, runtime.Log.OutOfOrderMessageCount);
    }

    [Fact]
    public async Task Bell_for_another_generation_is_ignored()
    {
        using CancellationTokenSource deadline = TestRuntimes.Deadline();
        string connectionString = await azurite.ConnectionStringAsync();
        await using LocalDurableRuntime runtime = await TestRuntimes.StartRingLoopAsync(connectionString, TestRuntimes.NewTaskHubName(), deadline.Token);
        string id = "ring-" + Guid.NewGuid().ToString("N");

        await RingLoopDriver.StartAsync(runtime.Client, id, generations: 1, deadline.Token);
        await RingLoopDriver.WaitUntilWaitingAsync(runtime.Client, id, 0, deadline.Token);
        await runtime.Client.RaiseEventAsync(id, RingLoop.BellEvent, new Bell(7, "stale"), deadline.Token);
        await runtime.Client.RaiseEventAsync(id, RingLoop.BellEvent, new Bell(0, "fresh"), deadline.Token);

        Assert.Equal(RingLoop.ExpectedTrail("fresh"), await RingLoopDriver.WaitForOutputAsync(runtime.Client, id, deadline.Token));
    }

    [Fact]
    public async Task Waiting_instance_survives_disposing_the_runtime_and_starting_another()
    {
        using CancellationTokenSource deadline = TestRuntimes.Deadline();
        string connectionString = await azurite.ConnectionStringAsync();
        string taskHub = TestRuntimes.NewTaskHubName();
        string id = "ring-" + Guid.NewGuid().ToString("N");

        await using (LocalDurableRuntime first = await TestRuntimes.StartRingLoopAsync(connectionString, taskHub, deadline.Token))
        {
            await RingLoopDriver.StartAsync(first.Client, id, generations: 2, deadline.Token);
            await RingLoopDriver.RingAsync(first.Client, id, 0, "before", deadline.Token);
            await RingLoopDriver.WaitUntilWaitingAsync(first.Client, id, 1, deadline.Token);
        }

        await using LocalDurableRuntime second = await TestRuntimes.StartRingLoopAsync(connectionString, taskHub, deadline.Token);
        await RingLoopDriver.RingAsync(second.Client, id, 1, "after", deadline.Token);

        Assert.Equal(RingLoop.ExpectedTrail("before", "after"), await RingLoopDriver.WaitForOutputAsync(second.Client, id, deadline.Token));
        Assert.Equal(0, second.Log.OutOfOrderMessageCount);
    }

    [Fact]
    public async Task Sidecar_listens_on_loopback_only_and_the_runtime_says_it_started()
    {
        using CancellationTokenSource deadline = TestRuntimes.Deadline();
        string connectionString = await azurite.ConnectionStringAsync();
        await using LocalDurableRuntime runtime = await TestRuntimes.StartRingLoopAsync(connectionString, TestRuntimes.NewTaskHubName(), deadline.Token);

        Assert.Equal(IPAddress.Loopback, IPAddress.Parse(runtime.SidecarAddress.Host));
        Assert.NotEqual(0, runtime.SidecarAddress.Port);
        Assert.Contains(runtime.Log.Entries, entry => entry.Message.StartsWith("Local durable runtime for task hub", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispose_twice_is_harmless_and_fast()
    {
        using CancellationTokenSource deadline = TestRuntimes.Deadline();
        string connectionString = await azurite.ConnectionStringAsync();
        LocalDurableRuntime runtime = await TestRuntimes.StartRingLoopAsync(connectionString, TestRuntimes.NewTaskHubName(), deadline.Token);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await runtime.DisposeAsync();
        await runtime.DisposeAsync();

        Assert.True(clock.Elapsed < new LocalRuntimeOptions().ShutdownTimeout, $"dispose took {clock.Elapsed}");
        Assert.Throws<ObjectDisposedException>(() => runtime.Services);
    }

    [Fact]
    public async Task Start_on_unreachable_storage_fails_within_its_token()
    {
        // A port nobody listens on: the engine retries storage calls, so only the token ends the start.
        var options = TestRuntimes.Options(new Azurite.AzuriteEndpoints(1, 2, 3).ConnectionString, TestRuntimes.NewTaskHubName());
        using var soon = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => LocalDurableRuntime.StartAsync(options, RingLoop.Register, null, soon.Token));
    }
}
