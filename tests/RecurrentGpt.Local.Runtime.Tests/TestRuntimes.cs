using RecurrentGpt.Local.Runtime.Tests.Crashable;

namespace RecurrentGpt.Local.Runtime.Tests;

/// <summary>Runtimes on the shared Azurite, each test on a task hub of its own so no two tests see each other's work.</summary>
internal static class TestRuntimes
{
    public static string NewTaskHubName() => "t" + Guid.NewGuid().ToString("N")[..20];

    public static LocalRuntimeOptions Options(string connectionString, string taskHub) =>
        new() { StorageConnectionString = connectionString, TaskHubName = taskHub };

    public static Task<LocalDurableRuntime> StartRingLoopAsync(string connectionString, string taskHub, CancellationToken cancellationToken) =>
        LocalDurableRuntime.StartAsync(Options(connectionString, taskHub), RingLoop.Register, null, cancellationToken);

    /// <summary>A deadline for one test: generous, because other builds share this machine's two cores.</summary>
    public static CancellationTokenSource Deadline(int seconds = 120) => new(TimeSpan.FromSeconds(seconds));
}
