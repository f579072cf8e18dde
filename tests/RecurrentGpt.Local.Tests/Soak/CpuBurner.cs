using System.Diagnostics;

namespace RecurrentGpt.Local.Tests.Soak;

/// <summary>A child process that keeps every core busy until it is disposed: the soak runs on a machine under load.</summary>
internal sealed class CpuBurner : IDisposable
{
    private readonly Process _process;

    private CpuBurner(Process process) => _process = process;

    public static CpuBurner Start()
    {
        var start = new ProcessStartInfo("sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"for i in $(seq {Environment.ProcessorCount}); do (while :; do :; done) & done; wait");
        return new CpuBurner(Process.Start(start) ?? throw new InvalidOperationException("could not start the CPU burner"));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
