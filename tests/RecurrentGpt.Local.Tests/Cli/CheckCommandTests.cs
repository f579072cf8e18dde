using Azure.Storage.Blobs;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Local.Tests.Cli;

/// <summary><c>rgpt check</c> finds a written story whole, and names the damage done to one, with exit 1.</summary>
public class CheckCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rgpt-check-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_written_story_is_whole_and_a_lost_paragraph_is_one_line_and_exit_1()
    {
        const string id = "check-me";
        using (RgptProcess writer = RgptProcess.Start(await EnvironmentAsync(), _folder, "write", "a lighthouse keeper vanishes", "--paragraphs", "4", "--id", id))
        {
            Assert.True(await writer.WaitForExitAsync(TimeSpan.FromMinutes(2)) == 0, writer.Output);
        }

        using (RgptProcess whole = RgptProcess.Start(await EnvironmentAsync(), _folder, "check", id))
        {
            Assert.True(await whole.WaitForExitAsync(TimeSpan.FromMinutes(1)) == 0, whole.Output);
            Assert.Contains($"{id}: whole", whole.Output, StringComparison.Ordinal);
        }

        var container = new BlobContainerClient(await azurite.ConnectionStringAsync(), "stories");
        await container.DeleteBlobAsync(StorageKeys.ParagraphBlob(id, 2));
        using RgptProcess damaged = RgptProcess.Start(await EnvironmentAsync(), _folder, "check", id);

        Assert.True(await damaged.WaitForExitAsync(TimeSpan.FromMinutes(1)) == 1, damaged.Output);
        Assert.Contains($"{id}: paragraph 2 has no blob", damaged.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_of_an_unknown_story_is_one_line_and_exit_2()
    {
        using RgptProcess check = RgptProcess.Start(await EnvironmentAsync(), _folder, "check", "no-such-story");

        Assert.Equal(2, await check.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("unknown story id \"no-such-story\"", check.Errors, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyDictionary<string, string>> EnvironmentAsync() => new Dictionary<string, string>
    {
        ["RGPT_DATA"] = Path.Combine(_folder, "data"),
        ["RGPT_Storage__ConnectionString"] = await azurite.ConnectionStringAsync(),
        ["RGPT_Model__Provider"] = "Offline",
    };
}
