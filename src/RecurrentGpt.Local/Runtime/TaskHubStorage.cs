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

            // Blob leases can stall start-up for up to 30 s after a restart; the partition table does not.
            UseTablePartitionManagement = true,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            WorkItemQueueVisibilityTimeout = options.ActivityLockTimeout,
            LoggerFactory = loggerFactory,
        });
}
