using System.Diagnostics;
using RecurrentGpt.Local.Runtime.Azurite;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Local.Tests.Cli;

/// <summary>A setting that cannot work ends rgpt with one line on stderr naming it and exit code 2, quickly, never a stack trace.</summary>
public class SettingsErrorTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rgpt-settings-" + Guid.NewGuid().ToString("N"));
    private readonly AzuriteFixture _azurite;

    public SettingsErrorTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        Directory.CreateDirectory(_folder);
    }

    public static TheoryData<string, string, string> BadSettings()
    {
        // A port nothing listens on, for every service: what a stopped Azurite or a typo in a port looks like.
        int dead = FreePorts.Next();
        return new TheoryData<string, string, string>
        {
            { "RGPT_Model__Provider", "Bogus", "Model:Provider" },
            { "RGPT_Storage__ConnectionString", "garbage", "Storage:ConnectionString" },
            { "RGPT_Storage__ConnectionString", new AzuriteEndpoints(dead, dead, dead).ConnectionString, "Storage:ConnectionString" },
            { "RGPT_Runtime__ActivityLockTimeout", "soon", "Runtime:ActivityLockTimeout" },
            { "RGPT_Workflow__ModelAttempts", "many", "Workflow:ModelAttempts" },
        };
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Unusable_setting_is_named_in_one_line_with_exit_2(string variable, string value, string setting)
    {
        var environment = new Dictionary<string, string>
        {
            ["RGPT_DATA"] = Path.Combine(_folder, "data"),
            ["RGPT_Model__Provider"] = "Offline",
            [variable] = value,
        };
        if (variable != "RGPT_Storage__ConnectionString")
        {
            // Working storage, so that only the setting under test can be at fault.
            environment["RGPT_Storage__ConnectionString"] = await _azurite.ConnectionStringAsync();
        }

        var clock = Stopwatch.StartNew();
        using RgptProcess rgpt = RgptProcess.Start(environment, _folder, "list");
        int exit = await rgpt.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit == 2, $"exit {exit}:\n{rgpt.Output}");
        string[] lines = rgpt.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"stderr should be one line:\n{rgpt.Errors}");
        Assert.Contains(setting, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", rgpt.Output, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"it took {clock.Elapsed.TotalSeconds:F1} s to say so");
    }
}
