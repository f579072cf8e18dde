using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace RecurrentGpt.Local.Runtime;

/// <summary>The durable engine: the Azure Storage backend on the configured account, laid out like the Functions host's.</summary>
internal static class TaskHubStorage
{
    public static AzureStorageOrchestrationService CreateService(LocalRuntimeOptions options, ILoggerFactory loggerFactory) =>
        new(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(options.StorageConnectionString),
            TaskHubName = options.TaskHubName,
            PartitionCount = options.PartitionCount,

            // The engine's default, said out loud: a process restarted after a crash finds the partitions still owned
            // by this name and resumes them at once instead of waiting for the leases to expire. It is also why two
            // runtimes on one machine must not share a task hub: both would think they own every partition.
            WorkerId = Environment.MachineName,

            // Blob leases can stall start-up for up to 30 s after a restart; the partition table does not.
            UseTablePartitionManagement = true,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            WorkItemQueueVisibilityTimeout = options.ActivityLockTimeout,
            ControlQueueVisibilityTimeout = options.OrchestrationLockTimeout,
            LoggerFactory = loggerFactory,
        });
}
