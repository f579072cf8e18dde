using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace RecurrentGpt.Local.Runtime;

/// <summary>How the local durable runtime reaches its storage and how much it does at once.</summary>
public sealed partial class LocalRuntimeOptions
{
    /// <summary>Same task hub as <c>host.json</c>, so a story folder moves between the hosts unchanged.</summary>
    public const string DefaultTaskHubName = "RecurrentGpt";

    /// <summary>Same as <c>host.json</c>: a task hub's partition count is fixed when it is created.</summary>
    public const int DefaultPartitionCount = 4;

    /// <summary>Azure Storage (or Azurite) holding the task hub's queues, tables and blobs.</summary>
    public string StorageConnectionString { get; set; } = string.Empty;

    public string TaskHubName { get; set; } = DefaultTaskHubName;

    public int PartitionCount { get; set; } = DefaultPartitionCount;

    /// <summary>Loopback port of the gRPC sidecar; 0 lets the system pick a free one.</summary>
    public int SidecarPort { get; set; }

    public int MaxConcurrentOrchestrations { get; set; } = 10;

    public int MaxConcurrentActivities { get; set; } = 10;

    /// <summary>
    /// Longest wait between two polls of an idle queue. The engine backs off to this when nothing arrives; on one
    /// machine with Azurite a short ceiling is cheap and bounds how late a message from another process is seen.
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a running activity's queue message stays hidden between renewals (renewed every third of it, so a model
    /// call may take as long as it likes). If the process dies mid-activity, the next process gets the activity this
    /// long after the crash at most, so it is short; the engine's default is 5 minutes. A clean stop hands its
    /// activities back at once (<see cref="LocalDurableRuntime.DisposeAsync"/>), so only a kill waits this out.
    /// </summary>
    public TimeSpan ActivityLockTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an orchestration message taken by a process stays hidden from others. A process killed mid-episode
    /// leaves its messages hidden this long, so a restart waits for it; the engine's default is 5 minutes. Episodes
    /// here take milliseconds (the model calls run in activities), so a short value is safe on one machine.
    /// </summary>
    public TimeSpan OrchestrationLockTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// False for a runtime that only reads and signals (a listing, an export): it claims no partition and takes no work,
    /// so it never holds anything another process is waiting for.
    /// </summary>
    public bool ProcessesWork { get; set; } = true;

    /// <summary>The longest a process started after a kill waits before work the killed one held is handed out again.</summary>
    public TimeSpan RecoveryBound =>
        (ActivityLockTimeout > OrchestrationLockTimeout ? ActivityLockTimeout : OrchestrationLockTimeout) + MaxQueuePollingInterval;

    /// <summary>Upper bound on <see cref="LocalDurableRuntime.DisposeAsync"/>: it never waits longer than this.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many log entries the runtime keeps in memory (oldest dropped first).</summary>
    public int LogCapacity { get; set; } = 5_000;

    /// <summary>Where the runtime's log lines also go; they are always kept in <see cref="LocalDurableRuntime.Log"/>.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// How long the worker lets its work-item stream stay quiet before it drops and redials it; zero or less turns the
    /// check off, the default. The worker expects health pings that this sidecar never sends, so a quiet stream is normal
    /// here, and a redial is harmful: work the sidecar hands to the dropped stream fails and is retried, which delayed
    /// a step by 17 s in a test. The sidecar runs in this process, so a stream cannot silently die without it.
    /// </summary>
    internal TimeSpan WorkerSilentDisconnectTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(StorageConnectionString))
        {
            throw new ArgumentException("a storage connection string is required", nameof(StorageConnectionString));
        }

        // Azure Storage task hub names become queue and table name prefixes, which allow only this.
        if (!TaskHubNameRule().IsMatch(TaskHubName))
        {
            throw new ArgumentException(
                $"task hub name \"{TaskHubName}\" must be 3-45 letters or digits, starting with a letter", nameof(TaskHubName));
        }

        RequireInRange(PartitionCount, 1, 16, nameof(PartitionCount));
        RequireInRange(SidecarPort, 0, 65_535, nameof(SidecarPort));
        RequireInRange(MaxConcurrentOrchestrations, 1, 1_000, nameof(MaxConcurrentOrchestrations));
        RequireInRange(MaxConcurrentActivities, 1, 1_000, nameof(MaxConcurrentActivities));
        RequireInRange(LogCapacity, 1, 1_000_000, nameof(LogCapacity));
        RequirePositive(MaxQueuePollingInterval, nameof(MaxQueuePollingInterval));
        RequirePositive(ShutdownTimeout, nameof(ShutdownTimeout));
        if (ActivityLockTimeout < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException("ActivityLockTimeout must be at least 1 s", nameof(ActivityLockTimeout));
        }

        if (OrchestrationLockTimeout < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException("OrchestrationLockTimeout must be at least 1 s", nameof(OrchestrationLockTimeout));
        }
    }

    private static void RequireInRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentException($"{name} is {value}; it must be between {min} and {max}", name);
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} must be positive", name);
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubNameRule();
}
