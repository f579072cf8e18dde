using RecurrentGpt.Core.Story;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Local.Tests.Cli;

/// <summary>
/// One status, in the contract's names, whichever view shows it; and how <c>rgpt write</c> ends says where the story
/// stands: exit 0 only for a story that reached its end.
/// </summary>
public class StatusViewTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Prompt = "Choose 1-3, \"e N\" to edit plan N, or type your own plan: ";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rgpt-status-" + Guid.NewGuid().ToString("N"));
    private StoredStories _stories = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _stories = new StoredStories(await azurite.ConnectionStringAsync());
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Story_paused_at_the_prompt_is_paused_in_list_and_show_and_the_pause_is_said_on_its_own_line()
    {
        const string id = "status-paused";
        using (RgptProcess writer = RgptProcess.Start(await EnvironmentAsync(), _folder, "write", "a lighthouse keeper vanishes", "--mode", "interactive", "--paragraphs", "4", "--id", id))
        {
            await WaitForPromptAsync(id, writer);
            writer.Interrupt();
            int exit = await writer.WaitForExitAsync(TimeSpan.FromMinutes(1));

            Assert.True(exit == 130, writer.Output);
            Assert.DoesNotContain("(engine:", writer.Output, StringComparison.Ordinal);
            string[] lines = writer.Output.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
            Assert.All(lines.Where(line => line.StartsWith(Prompt.TrimEnd(), StringComparison.Ordinal)), line => Assert.Equal(Prompt.TrimEnd(), line.TrimEnd()));
            Assert.Contains(lines, line => line.StartsWith($"Paused story {id}", StringComparison.Ordinal));
        }

        using RgptProcess list = RgptProcess.Start(await EnvironmentAsync(), _folder, "list");
        Assert.Equal(0, await list.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        string row = list.Output.Split('\n').Single(line => line.StartsWith(id + " ", StringComparison.Ordinal));
        Assert.Contains(" paused ", row, StringComparison.Ordinal);
        Assert.Contains(" interactive ", row, StringComparison.Ordinal);

        using RgptProcess show = RgptProcess.Start(await EnvironmentAsync(), _folder, "show", id);
        Assert.Equal(0, await show.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("status paused, interactive mode", show.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("engine", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_whose_input_ends_at_the_prompt_says_the_story_is_paused_and_exits_5()
    {
        const string id = "status-input-ends";
        using RgptProcess writer = RgptProcess.Start(await EnvironmentAsync(), _folder, "write", "a lighthouse keeper vanishes", "--mode", "interactive", "--paragraphs", "4", "--id", id);
        await WaitForPromptAsync(id, writer);
        writer.CloseInput();
        int exit = await writer.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.True(exit == 5, $"exit {exit}:\n{writer.Output}");
        Assert.Contains($"story {id} is paused at 2 of 4 paragraphs", writer.Output, StringComparison.Ordinal);
        Assert.NotEqual(StoryStatus.Completed, (await _stories.GetAsync(id))!.Status);
    }

    /// <summary>
    /// The prompt ends without a newline, so the captured output shows it only once something follows: wait for the
    /// story to wait and for the last plan line printed just before the prompt, then a moment for the prompt itself.
    /// </summary>
    private async Task WaitForPromptAsync(string id, RgptProcess writer)
    {
        await _stories.WaitForAsync(id, s => s.Status == StoryStatus.AwaitingChoice, writer);
        await writer.WaitForOutputAsync("  3. ", TimeSpan.FromMinutes(1));
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // the prompt is written right after the plans; nothing to poll for
    }

    private async Task<IReadOnlyDictionary<string, string>> EnvironmentAsync() => new Dictionary<string, string>
    {
        ["RGPT_DATA"] = Path.Combine(_folder, "data"),
        ["RGPT_Storage__ConnectionString"] = await azurite.ConnectionStringAsync(),
        ["RGPT_Model__Provider"] = "Offline",
    };
}
