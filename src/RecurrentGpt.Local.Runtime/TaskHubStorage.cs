using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace RecurrentGpt.Local.Runtime;

/// <summary>The durable engine: the Azure Storage backend on the configured account, laid out like the Functions host's.</summary>
internal static class TaskHubStorage
{
    /// <param name="workerName">The machine's name for the first runtime on the task hub, another for a second (<see cref="TaskHubWorkerName"/>).</param>
    public static AzureStorageOrchestrationService CreateService(LocalRuntimeOptions options, string workerName, ILoggerFactory loggerFactory) =>
        new(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(options.StorageConnectionString),
            TaskHubName = options.TaskHubName,
            PartitionCount = options.PartitionCount,

            // A process restarted after a crash finds the partitions still owned by this name and resumes them at once
            // instead of waiting for the leases to expire.
            WorkerId = workerName,

            // Blob leases can stall start-up for up to 30 s after a restart; the partition table does not.
            UseTablePartitionManagement = true,

            // How often the partition table is looked at: a second runtime's partitions come back within seconds of its stop.
            LeaseAcquireInterval = TimeSpan.FromSeconds(2),
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            WorkItemQueueVisibilityTimeout = options.ActivityLockTimeout,
            ControlQueueVisibilityTimeout = options.OrchestrationLockTimeout,
            LoggerFactory = loggerFactory,
        });
}
