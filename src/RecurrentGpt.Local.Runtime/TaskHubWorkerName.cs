using System.Security.Cryptography;
using System.Text;

namespace RecurrentGpt.Local.Runtime;

/// <summary>
/// The name a working runtime gives the engine for itself. The first runtime on this machine for a storage account and
/// task hub takes the machine's name, so after a crash the next one finds the partitions already its own and resumes
/// them at once. A second one at the same time (a second rgpt in the same folder) takes a name of its own: two workers
/// under one name would each think they own every partition; under two names the engine shares the partitions between
/// them and hands them over when one stops. Which one is first is a lock file held for the runtime's lifetime.
/// </summary>
internal sealed class TaskHubWorkerName : IDisposable
{
    private readonly FileStream? _claim;

    private TaskHubWorkerName(string name, FileStream? claim)
    {
        Name = name;
        _claim = claim;
    }

    public string Name { get; }

    /// <summary>True when this runtime holds the machine's name for the task hub.</summary>
    public bool IsFirst => _claim is not null;

    public static TaskHubWorkerName Claim(string storageIdentity, string taskHubName)
    {
        string key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{storageIdentity}|{taskHubName}")))[..20].ToLowerInvariant();
        string folder = Path.Combine(Path.GetTempPath(), "rgpt-task-hubs");
        try
        {
            Directory.CreateDirectory(folder);

            // The lock is the open file itself: the system drops it when the process ends, however it ends.
            var claim = new FileStream(Path.Combine(folder, key + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new TaskHubWorkerName(Environment.MachineName, claim);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new TaskHubWorkerName(OwnName(), null);
        }
    }

    /// <summary>For a runtime that never starts the engine's listening: it owns nothing, so it claims nothing.</summary>
    public static TaskHubWorkerName ForClientOnly() => new(OwnName(), null);

    public void Dispose() => _claim?.Dispose();

    private static string OwnName() => $"{Environment.MachineName}-{Environment.ProcessId}";
}
