using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace RecurrentGpt.Local.Tests.Cli;

/// <summary>The real rgpt program run as a child process, with its output captured and its input open for answers.</summary>
internal sealed class RgptProcess : IDisposable
{
    private const int SigInt = 2;
    private const int SigTerm = 15;
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly Lock _gate = new();

    private RgptProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data, toErrors: false);
        _process.ErrorDataReceived += (_, e) => Append(e.Data, toErrors: true);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    /// <summary>What rgpt wrote to stderr alone.</summary>
    public string Errors
    {
        get
        {
            lock (_gate)
            {
                return _errors.ToString();
            }
        }
    }

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public static RgptProcess Start(IReadOnlyDictionary<string, string> environment, string workingFolder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingFolder,
        };
        start.ArgumentList.Add(RgptAssembly());
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        return new RgptProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start rgpt"));
    }

    public void WriteLine(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>SIGKILL: no clean-up of any kind runs in the child.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGINT, as Ctrl-C in a terminal sends it.</summary>
    public void Interrupt() => Signal(SigInt);

    /// <summary>SIGTERM, as <c>kill</c> or a service manager sends it.</summary>
    public void Terminate() => Signal(SigTerm);

    /// <summary>Waits, polling until a deadline, for the output to contain <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (clock.Elapsed > timeout || HasExited)
            {
                throw new TimeoutException($"rgpt never printed \"{text}\"; output:\n{Output}");
            }

            await Task.Delay(25);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"rgpt did not exit within {timeout.TotalSeconds} s; output:\n{Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void Append(string? line, bool toErrors)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _output.AppendLine(line);
                if (toErrors)
                {
                    _errors.AppendLine(line);
                }
            }
        }
    }

    private void Signal(int signal)
    {
        if (SendSignal(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"could not send signal {signal} to rgpt (pid {_process.Id}): errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    // rgpt.dll as built beside this test assembly's configuration (Debug or Release).
    private static string RgptAssembly()
    {
        string here = AppContext.BaseDirectory;
        string configuration = here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        for (DirectoryInfo? folder = new(here); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "src", "RecurrentGpt.Local", "bin", configuration, "net10.0", "rgpt.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"rgpt.dll ({configuration}) was not found above {here}; build the solution first");
    }
}
