using System.Diagnostics;

namespace RecurrentGpt.Local.Runtime.Azurite;

/// <summary>
/// A running Azurite: reused when one already answers on the ports, otherwise started from the tools folder with its
/// data in <see cref="DataFolder"/>, and stopped on dispose only if this process started it.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process? _process;

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

    public static async Task<AzuriteProcess> EnsureRunningAsync(
        AzuriteEndpoints endpoints, string dataFolder, AzuriteInstallation installation, CancellationToken cancellationToken)
    {
        if (await endpoints.AreReachableAsync(cancellationToken))
        {
            return new AzuriteProcess(endpoints, null, null);
        }

        await installation.EnsureInstalledAsync(cancellationToken);
        Directory.CreateDirectory(dataFolder);
        var start = new ProcessStartInfo("node")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
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

        // Drain its output so a chatty Azurite never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var running = new AzuriteProcess(endpoints, dataFolder, process);
        var deadline = Stopwatch.StartNew();
        while (!await endpoints.AreReachableAsync(cancellationToken))
        {
            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                await running.DisposeAsync();
                throw new AzuriteUnavailableException(process.HasExited
                    ? $"Azurite exited at start with code {process.ExitCode} (ports {endpoints.BlobPort}-{endpoints.TablePort} busy?)"
                    : $"Azurite did not answer within {StartTimeout.TotalSeconds} s");
            }

            await Task.Delay(100, cancellationToken);
        }

        return running;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // Already gone, or refusing to die: nothing more this process can do about it.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
