using Azure.Storage.Blobs;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Local.Tests.Cli;

/// <summary><c>rgpt check</c> finds a written story whole, and names the damage done to one, with exit 1.</summary>
public class CheckCommandTests(AzuriteFixture azurite) : RgptCommandTests(azurite, "check")
{
    [Fact]
    public async Task A_written_story_is_whole_and_a_lost_paragraph_is_one_line_and_exit_1()
    {
        const string id = "check-me";
        (int written, string writing, _) = await RunWithOutputAsync("write", "a lighthouse keeper vanishes", "--paragraphs", "4", "--id", id);
        Assert.True(written == 0, writing);

        (int whole, string wholeOutput, _) = await RunWithOutputAsync("check", id);
        Assert.True(whole == 0, wholeOutput);
        Assert.Contains($"{id}: whole", wholeOutput, StringComparison.Ordinal);

        var container = new BlobContainerClient(await ConnectionStringAsync(), "stories");
        await container.DeleteBlobAsync(StorageKeys.ParagraphBlob(id, 2));
        (int damaged, string damage, _) = await RunWithOutputAsync("check", id);

        Assert.True(damaged == 1, damage);
        Assert.Contains($"{id}: paragraph 2 has no blob", damage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_of_an_unknown_story_is_one_line_and_exit_2()
    {
        (int exit, _, string errors) = await RunWithOutputAsync("check", "no-such-story");

        Assert.Equal(2, exit);
        Assert.Contains("unknown story id \"no-such-story\"", errors, StringComparison.Ordinal);
    }
}
