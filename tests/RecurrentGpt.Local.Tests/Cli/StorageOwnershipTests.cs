using System.Globalization;
using RecurrentGpt.Local.Runtime.Azurite;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Local.Tests.Cli;

/// <summary>
/// The Azurite rgpt manages belongs to one data folder: another folder never uses it, and it keeps running while any rgpt
/// of its own folder still uses it. Both rgpts of a test prefer the same ports, as two folders with the defaults would;
/// the ports are free ones, so a test never meets an Azurite of someone else's on the well-known ones.
/// </summary>
public class StorageOwnershipTests : IAsyncLifetime
{
    private static readonly TimeSpan StepCallTime = TimeSpan.FromSeconds(1);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rgpt-owner-" + Guid.NewGuid().ToString("N"));
    private readonly AzuriteEndpoints _preferred = AzuriteEndpoints.OnFreePorts();
    private ChatCompletionsServer _model = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _model = await ChatCompletionsServer.StartAsync();
        _model.WhenScriptIsEmpty = OfflineWriterReplies.SlowSteps(StepCallTime);
    }

    public async Task DisposeAsync()
    {
        await _model.DisposeAsync();
        StopAzuriteLeftUnder(_folder);
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Rgpt_in_another_data_folder_starts_its_own_Azurite_and_sees_only_its_own_stories()
    {
        string first = Folder("first");
        string second = Folder("second");
        using RgptProcess writer = RgptProcess.Start(Environment(first), first, "write", "a lighthouse keeper vanishes", "--paragraphs", "5", "--id", "owner-first");
        await writer.WaitForOutputAsync("Story owner-first:", TimeSpan.FromMinutes(2));

        using RgptProcess lister = RgptProcess.Start(Environment(second), second, "list");
        int listed = await lister.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(listed == 0, lister.Output);
        Assert.DoesNotContain("owner-first", lister.Output, StringComparison.Ordinal);
        Assert.Contains("No stories yet", lister.Output, StringComparison.Ordinal);
        Assert.Contains($"(data in {Path.Combine(second, "data", "azurite")}), started by this rgpt", lister.Output, StringComparison.Ordinal);
        Assert.Contains($"(data in {Path.Combine(first, "data", "azurite")}), started by this rgpt", writer.Output, StringComparison.Ordinal);

        int wrote = await writer.WaitForExitAsync(TimeSpan.FromMinutes(2));
        Assert.True(wrote == 0, writer.Output);
        Assert.Contains("(5 paragraphs)", writer.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Azurite_keeps_running_while_another_rgpt_of_its_folder_uses_it_and_stops_with_the_last()
    {
        string folder = Folder("shared");
        using RgptProcess starter = RgptProcess.Start(Environment(folder), folder, "write", "a lighthouse keeper vanishes", "--paragraphs", "4", "--id", "share-short");
        await starter.WaitForOutputAsync("Story share-short:", TimeSpan.FromMinutes(2));
        using RgptProcess joiner = RgptProcess.Start(Environment(folder), folder, "write", "a ferry that never docks", "--paragraphs", "10", "--id", "share-long");
        await joiner.WaitForOutputAsync("Story share-long:", TimeSpan.FromMinutes(2));

        int starterExit = await starter.WaitForExitAsync(TimeSpan.FromMinutes(2));
        Assert.True(starterExit == 0, starter.Output);
        Assert.False(joiner.HasExited, "the longer story ended first, so this test proved nothing:\n" + joiner.Output);

        int joinerExit = await joiner.WaitForExitAsync(TimeSpan.FromMinutes(3));
        Assert.True(joinerExit == 0, joiner.Output);
        Assert.Contains("(10 paragraphs)", joiner.Output, StringComparison.Ordinal);
        Assert.Contains("shared with another rgpt", joiner.Output, StringComparison.Ordinal);

        // The last rgpt out stopped it.
        Assert.False(await _preferred.AreReachableAsync(CancellationToken.None), "Azurite still answers after the last rgpt exited");
    }

    /// <summary>A failed test can leave an Azurite whose rgpt is gone: it is found by its data location and stopped.</summary>
    private static void StopAzuriteLeftUnder(string folder)
    {
        foreach (System.Diagnostics.Process node in System.Diagnostics.Process.GetProcessesByName("node"))
        {
            using (node)
            {
                try
                {
                    if (File.ReadAllText($"/proc/{node.Id}/cmdline").Contains(folder, StringComparison.Ordinal))
                    {
                        node.Kill(entireProcessTree: true);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
                {
                    // Gone meanwhile, or not ours to read.
                }
            }
        }
    }

    private string Folder(string name)
    {
        string folder = Path.Combine(_folder, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    // No storage setting: rgpt manages Azurite, with its data under the folder's own .data.
    private Dictionary<string, string> Environment(string folder) => new()
    {
        ["RGPT_DATA"] = Path.Combine(folder, "data"),
        ["RGPT_Azurite__BlobPort"] = _preferred.BlobPort.ToString(CultureInfo.InvariantCulture),
        ["RGPT_Azurite__QueuePort"] = _preferred.QueuePort.ToString(CultureInfo.InvariantCulture),
        ["RGPT_Azurite__TablePort"] = _preferred.TablePort.ToString(CultureInfo.InvariantCulture),
        ["RGPT_Model__Provider"] = "OpenAICompatible",
        ["RGPT_Model__BaseUrl"] = _model.OpenAIBaseUrl.ToString(),
        ["RGPT_Model__ModelName"] = "offline-at-the-wire",
    };
}
