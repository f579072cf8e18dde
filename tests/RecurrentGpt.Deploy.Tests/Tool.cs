using System.Diagnostics;

namespace RecurrentGpt.Deploy.Tests;

/// <summary>Runs a command-line tool to completion and keeps what it printed.</summary>
internal sealed record ToolRun(int ExitCode, string Output, string Errors)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    public string Printed => (Output + Environment.NewLine + Errors).Trim();

    public static ToolRun Of(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Deadline))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} ran longer than {Deadline}");
        }

        return new ToolRun(process.ExitCode, output.GetAwaiter().GetResult(), errors.GetAwaiter().GetResult());
    }
}
