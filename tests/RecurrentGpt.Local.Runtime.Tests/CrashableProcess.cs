using System.Diagnostics;
using System.Text;

namespace RecurrentGpt.Local.Runtime.Tests;

/// <summary>The crashable program as a child process: started with its arguments, read until it is ready, then killed.</summary>
internal sealed class CrashableProcess : IDisposable
{
    private const string AssemblyFile = "RecurrentGpt.Local.Runtime.Tests.Crashable.dll";
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CrashableProcess(Process process) => _process = process;

    public int ExitCode => _process.ExitCode;

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static CrashableProcess Start(params string[] arguments)
    {
        // dotnet test names the host it runs under; outside it, the one on PATH.
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, AssemblyFile));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var child = new CrashableProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        child._process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.StartsWith("READY", StringComparison.Ordinal) == true)
            {
                child._ready.TrySetResult(line.Data);
            }
        };
        child._process.ErrorDataReceived += (_, line) =>
        {
            lock (child._stderr)
            {
                child._stderr.AppendLine(line.Data);
            }
        };
        child._process.Exited += (_, _) => child._ready.TrySetException(
            new InvalidOperationException($"the crashable process exited with {child._process.ExitCode} before it was ready:\n{child.Stderr}"));
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    public async Task<string> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _ready.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the crashable process was not ready before the deadline:\n{Stderr}");
        }
    }

    /// <summary>SIGKILL, as a crash or a power cut: no shutdown hook, no finally block, no flush runs.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(cancellationToken);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        _process.Dispose();
    }
}
