using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RecurrentGpt.Local.Tests.Cli;

/// <summary>What a new user meets first: the build the script runs, the version, the first typo.</summary>
public partial class FirstRunTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rgpt-first-" + Guid.NewGuid().ToString("N"));

    public FirstRunTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("--version")]
    [InlineData("version")]
    public async Task Version_is_printed_and_exits_0(string command)
    {
        using RgptProcess rgpt = RgptProcess.Start(new Dictionary<string, string>(), _folder, command);
        int exit = await rgpt.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(exit == 0, rgpt.Output);
        Assert.Matches(VersionLine(), rgpt.Output.Trim());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_premise_is_called_empty(string premise)
    {
        using RgptProcess rgpt = RgptProcess.Start(new Dictionary<string, string> { ["RGPT_Model__Provider"] = "Offline" }, _folder, "write", premise);
        int exit = await rgpt.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, exit);
        Assert.Contains("the premise is empty", rgpt.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_says_it_builds_before_the_first_build_and_then_runs_rgpt()
    {
        string script = Path.Combine(RepositoryRoot(), "rgpt");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("--version");

        // A build folder of its own, so this is a first run whatever the repository's artifacts hold.
        start.Environment["RGPT_BUILD_DIR"] = Path.Combine(_folder, "build");
        using Process run = Process.Start(start)!;
        Task<string> stdout = run.StandardOutput.ReadToEndAsync();
        Task<string> stderr = run.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await run.WaitForExitAsync(deadline.Token);

        Assert.True(run.ExitCode == 0, await stderr);
        Assert.StartsWith("building rgpt (first run", (await stderr).TrimStart(), StringComparison.Ordinal);
        Assert.Matches(VersionLine(), (await stdout).Trim());
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RecurrentGpt.Functions.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("the repository root was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^rgpt \d+\.\d+\.\d+\S*( \(commit [0-9a-f]{7,40}\))?$")]
    private static partial Regex VersionLine();
}
