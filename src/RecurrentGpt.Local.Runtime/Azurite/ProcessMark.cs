using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace RecurrentGpt.Local.Runtime.Azurite;

/// <summary>
/// A process as a file records it: its id and when it started, so that a later process given the same id (ids are
/// reused) is never taken for it.
/// </summary>
public sealed record ProcessMark(int ProcessId, long StartedUtcTicks)
{
    private const int SigTerm = 15;

    // Start times are derived from the boot time, which two readers may round differently.
    private static readonly long Tolerance = TimeSpan.FromSeconds(2).Ticks;

    public static ProcessMark Current { get; } = Of(Process.GetCurrentProcess()) ?? new ProcessMark(Environment.ProcessId, 0);

    /// <summary>The mark of a running process; null when its start time cannot be read (it ended, or is not ours to read).</summary>
    public static ProcessMark? Of(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            return new ProcessMark(process.Id, process.StartTime.ToUniversalTime().Ticks);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>True while the very process this mark was taken of runs.</summary>
    public bool IsRunning()
    {
        using Process? process = Find();
        return process is not null;
    }

    /// <summary>
    /// Asks the process to end (SIGTERM, off Windows), waits up to <paramref name="grace"/>, then ends it outright.
    /// Azurite saves its in-memory tables on SIGTERM; killed outright it loses up to its last 5 seconds of writes.
    /// </summary>
    public async Task StopAsync(TimeSpan grace)
    {
        using Process? process = Find();
        if (process is not null)
        {
            await StopAsync(process, grace);
        }
    }

    /// <inheritdoc cref="StopAsync(TimeSpan)"/>
    internal static async Task StopAsync(Process process, TimeSpan grace)
    {
        try
        {
            if (process.HasExited)
            {
                return;
            }

            if (!OperatingSystem.IsWindows() && SendSignal(process.Id, SigTerm) == 0)
            {
                try
                {
                    await process.WaitForExitAsync(CancellationToken.None).WaitAsync(grace);
                    return;
                }
                catch (TimeoutException)
                {
                    // Asked and not gone: ended outright below.
                }
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or TimeoutException)
        {
            // Gone meanwhile, or refusing to die: nothing more can be done from here.
        }
    }

    private Process? Find()
    {
        Process process;
        try
        {
            process = Process.GetProcessById(ProcessId);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return null;
        }

        if (Of(process) is ProcessMark now && Math.Abs(now.StartedUtcTicks - StartedUtcTicks) <= Tolerance)
        {
            return process;
        }

        process.Dispose();
        return null;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
