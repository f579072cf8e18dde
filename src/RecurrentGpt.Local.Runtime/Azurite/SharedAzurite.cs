using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecurrentGpt.Local.Runtime.Azurite;

/// <summary>
/// The Azurite of one data folder, shared by every process that uses the folder: the first starts it, the last one out
/// stops it, and no other folder's process ever uses it. The folder itself records which Azurite is its own (the
/// process and its ports, in <c>rgpt-azurite.json</c>: an Azurite answering on other ports, or on the same ports but not
/// started for this folder, is never taken for it) and who uses it (one file per process under <c>rgpt-users/</c>;
/// files of processes that died are ignored and removed). Both change only under the folder's lock file.
/// </summary>
public sealed class SharedAzurite : IAsyncDisposable
{
    private const string RecordFile = "rgpt-azurite.json";
    private const string UsersFolder = "rgpt-users";
    private const string LockFile = "rgpt-azurite.lock";

    // Another process may hold the lock while it installs Azurite (minutes, once) or starts it (seconds).
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(6);
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly string _userFile;
    private int _released;

    private SharedAzurite(AzuriteEndpoints endpoints, string dataFolder, string userFile, AzuriteSharing sharing, IReadOnlyList<int> otherUsers)
    {
        Endpoints = endpoints;
        DataFolder = dataFolder;
        _userFile = userFile;
        Sharing = sharing;
        OtherUsers = otherUsers;
    }

    public AzuriteEndpoints Endpoints { get; }

    /// <summary>Azurite's data location (absolute).</summary>
    public string DataFolder { get; }

    public AzuriteSharing Sharing { get; }

    /// <summary>Process ids of the other processes using this Azurite when this one joined.</summary>
    public IReadOnlyList<int> OtherUsers { get; }

    public string ConnectionString => Endpoints.ConnectionString;

    /// <summary>
    /// Joins the folder's Azurite, starting it when it does not run: on the ports it had before if they are free, else
    /// on <paramref name="preferred"/> if free, else on free ports (recorded in the folder for next time).
    /// </summary>
    public static async Task<SharedAzurite> AcquireAsync(
        string dataFolder, AzuriteEndpoints preferred, AzuriteInstallation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preferred);
        ArgumentNullException.ThrowIfNull(installation);
        string folder = Path.GetFullPath(dataFolder);
        using FileStream folderLock = await LockAsync(folder, cancellationToken);
        AzuriteRecord? record = ReadRecord(folder);
        string userFile = Path.Combine(folder, UsersFolder, $"{ProcessMark.Current.ProcessId}-{Guid.NewGuid():N}.json");
        List<ProcessMark> others = LiveUsers(folder, userFile);
        AzuriteEndpoints endpoints;
        AzuriteSharing sharing;
        if (record?.Azurite is ProcessMark running && running.IsRunning() && await record.Endpoints.AreReachableAsync(cancellationToken))
        {
            endpoints = record.Endpoints;
            sharing = others.Count > 0 ? AzuriteSharing.SharedWithOthers : AzuriteSharing.LeftRunning;
        }
        else
        {
            if (record?.Azurite is ProcessMark stale)
            {
                // Started for this folder but not answering (hung, or half-started by a process that died): replaced.
                await stale.StopAsync(AzuriteProcess.StopGrace);
            }

            RefuseForeignAzuriteOn(folder);
            endpoints = ChoosePorts(record?.Endpoints, preferred);
            await using AzuriteProcess started = await AzuriteProcess.StartAsync(endpoints, folder, installation, detached: true, cancellationToken);
            WriteRecord(folder, new AzuriteRecord(endpoints.BlobPort, endpoints.QueuePort, endpoints.TablePort, started.Mark));
            sharing = AzuriteSharing.StartedHere;
        }

        Directory.CreateDirectory(Path.Combine(folder, UsersFolder));
        WriteJson(userFile, ProcessMark.Current);
        return new SharedAzurite(endpoints, folder, userFile, sharing, others.Select(user => user.ProcessId).Distinct().ToList());
    }

    /// <summary>Leaves the folder's Azurite, stopping it when no other live process still uses it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1)
        {
            return;
        }

        try
        {
            using FileStream folderLock = await LockAsync(DataFolder, CancellationToken.None);
            File.Delete(_userFile);
            if (LiveUsers(DataFolder, _userFile).Count == 0 && ReadRecord(DataFolder) is { Azurite: ProcessMark azurite } record)
            {
                await azurite.StopAsync(AzuriteProcess.StopGrace);
                WriteRecord(DataFolder, record with { Azurite = null });
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or AzuriteUnavailableException)
        {
            // Then Azurite keeps running; the next process of this folder finds it in the record and uses it.
        }
    }

    private static async Task<FileStream> LockAsync(string folder, CancellationToken cancellationToken)
    {
        string path = Path.Combine(folder, LockFile);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                Directory.CreateDirectory(folder);

                // The lock is the open file: the system drops it when its process ends, however it ends.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new AzuriteUnavailableException($"cannot write to the data folder {folder}: {ex.Message}");
            }
            catch (IOException) when (clock.Elapsed < LockWait)
            {
                await Task.Delay(50, cancellationToken);
            }
            catch (IOException ex)
            {
                throw new AzuriteUnavailableException($"another process has held {path} for {LockWait.TotalMinutes} minutes ({ex.Message})");
            }
        }
    }

    // An Azurite this folder has no record of, writing into the folder (one started by hand, or by an older rgpt):
    // a second one on the same data would corrupt it.
    private static void RefuseForeignAzuriteOn(string folder)
    {
        if (AzuriteProcess.FindUsingLocation(folder) is int pid)
        {
            throw new AzuriteUnavailableException(
                $"an Azurite this folder has no record of (pid {pid}) already keeps its data in {folder}; stop it, "
                + "or give rgpt its connection string in RGPT_Storage__ConnectionString");
        }
    }

    private static AzuriteEndpoints ChoosePorts(AzuriteEndpoints? before, AzuriteEndpoints preferred)
    {
        foreach (AzuriteEndpoints candidate in new[] { before, preferred }.OfType<AzuriteEndpoints>())
        {
            if (AreFree(candidate))
            {
                return candidate;
            }
        }

        return AzuriteEndpoints.OnFreePorts();
    }

    private static bool AreFree(AzuriteEndpoints endpoints)
    {
        foreach (int port in new[] { endpoints.BlobPort, endpoints.QueuePort, endpoints.TablePort })
        {
            try
            {
                var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                listener.Stop();
            }
            catch (SocketException)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The processes using the folder's Azurite, but for the one whose file is <paramref name="own"/>.</summary>
    private static List<ProcessMark> LiveUsers(string folder, string own)
    {
        var live = new List<ProcessMark>();
        string users = Path.Combine(folder, UsersFolder);
        if (!Directory.Exists(users))
        {
            return live;
        }

        foreach (string file in Directory.EnumerateFiles(users, "*.json"))
        {
            if (string.Equals(file, own, StringComparison.Ordinal))
            {
                continue;
            }

            ProcessMark? user = ReadJson<ProcessMark>(file);
            if (user is not null && user.IsRunning())
            {
                live.Add(user);
            }
            else
            {
                // A process that ended without leaving (killed, or crashed): it uses nothing any more.
                File.Delete(file);
            }
        }

        return live;
    }

    private static AzuriteRecord? ReadRecord(string folder) => ReadJson<AzuriteRecord>(Path.Combine(folder, RecordFile));

    private static void WriteRecord(string folder, AzuriteRecord record) => WriteJson(Path.Combine(folder, RecordFile), record);

    private static T? ReadJson<T>(string path)
        where T : class
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) : null;
        }
        catch (JsonException)
        {
            // Unreadable (written by hand, or cut short): as if absent.
            return null;
        }
    }

    // Written aside and moved into place, so a reader never sees half a file.
    private static void WriteJson<T>(string path, T value)
    {
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(value, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>What the data folder records about its Azurite: its ports, and its process while it runs.</summary>
    private sealed record AzuriteRecord(int BlobPort, int QueuePort, int TablePort, ProcessMark? Azurite)
    {
        [JsonIgnore]
        public AzuriteEndpoints Endpoints => new(BlobPort, QueuePort, TablePort);
    }
}
