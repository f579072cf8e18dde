using static Microsoft.Playwright.Assertions;

namespace RecurrentGpt.Studio.Tests;

/// <summary>The key: taken from the printed address and hidden; without it the page reads, and asks when a change is refused.</summary>
[Collection(StudioCollection.Name)]
public class KeyTests(StudioServer server)
{
    [Fact]
    public async Task Without_a_key_the_page_reads_and_asks_for_the_key_when_a_change_is_refused()
    {
        string id = await server.StartStoryAsync("a clockmaker's apprentice inherits a stopped town");
        await using StudioPage studio = await server.OpenAsync(StudioServer.Desktop, $"#/story/{id}", withKey: false);

        await Expect(studio.Paragraphs).ToHaveCountAsync(2);
        await Expect(studio.Plans).ToHaveCountAsync(3);
        await studio.Button("Pause").ClickAsync();
        await Expect(studio.Page.GetByLabel("Key for changes")).ToBeFocusedAsync();
        await Expect(studio.Page.Locator("#alerts")).ToContainTextAsync("needs the key");
        Assert.Equal("awaiting-choice", (await server.StoryAsync(id)).GetProperty("status").GetString());

        await studio.Page.GetByLabel("Key for changes").FillAsync(StudioServer.Key);
        await studio.Page.Keyboard.PressAsync("Enter");
        await Expect(studio.Page.Locator("#key-form")).ToBeHiddenAsync();
        await studio.Button("Pause").ClickAsync();
        await Expect(studio.Page.Locator("#fact-status")).ToHaveTextAsync("paused");
        Assert.Equal("paused", (await server.StoryAsync(id)).GetProperty("status").GetString());
        studio.AssertClean();
    }

    [Fact]
    public async Task Key_in_the_printed_address_is_kept_for_the_tab_and_removed_from_the_address_bar()
    {
        Assert.Contains($"Studio: {server.Address}#key={StudioServer.Key}", server.Serve.Output, StringComparison.Ordinal);
        await using StudioPage studio = await server.OpenAsync(StudioServer.Desktop);

        Assert.Equal(server.Address + "#/", studio.Page.Url);
        Assert.Equal(StudioServer.Key, await studio.Page.EvaluateAsync<string>("() => sessionStorage.getItem('rgpt.studio.key')"));
        studio.AssertClean();
    }
}
