using System.Diagnostics;

namespace RecurrentGpt.Local.Runtime.Azurite;

/// <summary>
/// A running Azurite: reused when one already answers on the ports, otherwise started from the tools folder with its
/// data in <see cref="DataFolder"/>, and stopped on dispose only if this process started it. (rgpt itself never reuses
/// whatever answers: it goes through <see cref="SharedAzurite"/>, which knows which Azurite is its data folder's.)
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string SetSid = "/usr/bin/setsid";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long Azurite gets to save its tables when asked to stop, before it is ended outright.</summary>
    internal static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly Process? _process;
    private bool _detached;

    private AzuriteProcess(AzuriteEndpoints endpoints, string? dataFolder, Process? process)
    {
        Endpoints = endpoints;
        DataFolder = dataFolder;
        _process = process;
    }

    public AzuriteEndpoints Endpoints { get; }

    public string? DataFolder { get; }

    /// <summary>True when this process started Azurite (and so will stop it).</summary>
    public bool StartedHere => _process is not null;

    public string ConnectionString => Endpoints.ConnectionString;

    /// <summary>The Azurite process this one started, to be recognised later by another; null when it was reused.</summary>
    public ProcessMark? Mark { get; private init; }

    public static async Task<AzuriteProcess> EnsureRunningAsync(
        AzuriteEndpoints endpoints, string dataFolder, AzuriteInstallation installation, CancellationToken cancellationToken)
    {
        if (await endpoints.AreReachableAsync(cancellationToken))
        {
            return new AzuriteProcess(endpoints, null, null);
        }

        return await StartAsync(endpoints, dataFolder, installation, detached: false, cancellationToken);
    }

    /// <summary>
    /// Starts Azurite on <paramref name="endpoints"/> with its data in <paramref name="dataFolder"/>, installing it first
    /// if needed, and returns once it answers. A <paramref name="detached"/> Azurite outlives this process: it has no pipe
    /// to this process, runs in a session of its own where <c>setsid</c> exists (Linux: a Ctrl-C in the terminal never
    /// reaches it), and disposing this object leaves it running; whoever stops it later finds it by its <see cref="Mark"/>.
    /// </summary>
    public static async Task<AzuriteProcess> StartAsync(
        AzuriteEndpoints endpoints, string dataFolder, AzuriteInstallation installation, bool detached, CancellationToken cancellationToken)
    {
        await installation.EnsureInstalledAsync(cancellationToken);
        Directory.CreateDirectory(dataFolder);
        // Detached, its output goes nowhere instead of to a pipe that closes when this process ends; setsid (where there
        // is one) and sh both exec, so the process started is node itself.
        bool viaShell = detached && !OperatingSystem.IsWindows();
        bool ownSession = viaShell && File.Exists(SetSid);
        var start = new ProcessStartInfo(ownSession ? SetSid : viaShell ? "/bin/sh" : "node")
        {
            UseShellExecute = false,
            RedirectStandardOutput = !viaShell,
            RedirectStandardError = !viaShell,
        };
        if (viaShell)
        {
            foreach (string argument in (ownSession ? ["sh"] : Array.Empty<string>()).Concat(["-c", "exec node \"$@\" </dev/null >/dev/null 2>&1", "azurite"]))
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (string argument in new[]
        {
            installation.EntryPoint, "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--loose",
            "--location", Path.GetFullPath(dataFolder),
            "--blobHost", "127.0.0.1", "--blobPort", endpoints.BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", endpoints.QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", endpoints.TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new AzuriteUnavailableException("could not start node for Azurite");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new AzuriteUnavailableException($"node is not installed or not on PATH ({ex.Message}); Azurite needs Node.js 20");
        }

        if (!viaShell)
        {
            // Drain its output so a chatty Azurite never blocks on a full pipe.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        var running = new AzuriteProcess(endpoints, dataFolder, process) { Mark = ProcessMark.Of(process) };
        var deadline = Stopwatch.StartNew();
        try
        {
            while (!await endpoints.AreReachableAsync(cancellationToken))
            {
                if (process.HasExited || deadline.Elapsed > StartTimeout)
                {
                    throw new AzuriteUnavailableException(process.HasExited
                        ? $"Azurite exited at start with code {process.ExitCode} (ports {endpoints.BlobPort}-{endpoints.TablePort} busy?)"
                        : $"Azurite did not answer within {StartTimeout.TotalSeconds} s");
                }

                await Task.Delay(100, cancellationToken);
            }
        }
        catch
        {
            // Not yet detached, so this stops it: a start given up never leaves an Azurite behind.
            await running.DisposeAsync();
            throw;
        }

        running._detached = detached;
        return running;
    }

    /// <summary>
    /// The id of a running Azurite whose data location is <paramref name="dataFolder"/>, found by its command line (on
    /// Linux, where every process's is readable); null when there is none, or on systems where this cannot be seen.
    /// </summary>
    public static int? FindUsingLocation(string dataFolder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        string location = Path.GetFullPath(dataFolder).TrimEnd(Path.DirectorySeparatorChar);
        foreach (string entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int pid))
            {
                continue;
            }

            string[] arguments;
            try
            {
                arguments = File.ReadAllText(Path.Combine(entry, "cmdline")).Split('\0');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            int flag = Array.IndexOf(arguments, "--location");
            if (flag >= 0 && flag + 1 < arguments.Length
                && arguments.Any(argument => argument.Contains("azurite", StringComparison.OrdinalIgnoreCase))
                && string.Equals(Path.GetFullPath(arguments[flag + 1]).TrimEnd(Path.DirectorySeparatorChar), location, StringComparison.Ordinal))
            {
                return pid;
            }
        }

        return null;
    }

    /// <summary>Stops Azurite if this process started it, unless it was started detached (then it keeps running).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (_detached)
        {
            _process.Dispose();
            return;
        }

        try
        {
            await ProcessMark.StopAsync(_process, StopGrace);
        }
        finally
        {
            _process.Dispose();
        }
    }
}
