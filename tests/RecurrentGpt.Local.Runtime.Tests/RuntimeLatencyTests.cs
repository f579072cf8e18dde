using RecurrentGpt.Bench.LocalRuntime;
using RecurrentGpt.TestSupport;
using Xunit.Abstractions;

namespace RecurrentGpt.Local.Runtime.Tests;

/// <summary>
/// Start-up and step latency with Azurite already running, measured by <c>bench/LocalRuntime</c>. The bounds are loose:
/// they catch a polling stall (the engine's default backs off to 30 s), not a slow machine.
/// </summary>
[Collection(LocalRuntimeCollection.Name)]
public sealed class RuntimeLatencyTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly TimeSpan StepBound = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Start_activity_round_trip_and_event_step_stay_within_bounds()
    {
        using CancellationTokenSource deadline = TestRuntimes.Deadline(180);
        string connectionString = await azurite.ConnectionStringAsync();

        LocalRuntimeFigures figures = await LocalRuntimeMeasurement.RunAsync(connectionString, roundTrips: 20, rings: 15, deadline.Token);

        output.WriteLine($"first start {figures.FirstStart.TotalMilliseconds:F0} ms, dispose {figures.Dispose.TotalMilliseconds:F0} ms, restart {figures.Restart.TotalMilliseconds:F0} ms");
        output.WriteLine($"activity round trip: {figures.ActivityRoundTrips}");
        output.WriteLine($"event -> step visible: {figures.EventSteps}");
        Assert.True(figures.Restart < TimeSpan.FromSeconds(10), $"restart took {figures.Restart}");
        Assert.True(figures.ActivityRoundTrips.Median < StepBound, $"activity round trip {figures.ActivityRoundTrips}");
        Assert.True(figures.EventSteps.Median < StepBound, $"event step {figures.EventSteps}");
        Assert.Equal(0, figures.OutOfOrderMessages);
    }
}
