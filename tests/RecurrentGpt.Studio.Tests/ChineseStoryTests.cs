using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RecurrentGpt.Studio.Tests;

/// <summary>A story in Chinese, started from the page's form and read in it as the API stores it.</summary>
[Collection(StudioCollection.Name)]
public class ChineseStoryTests(StudioServer server)
{
    [Fact]
    public async Task Chinese_story_is_started_in_the_page_and_read_there_in_Chinese()
    {
        await using StudioPage studio = await server.OpenAsync(StudioServer.Desktop);
        IPage page = studio.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "New story" }).ClickAsync();
        await page.GetByText("mystery", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Topic").FillAsync("灯塔看守人在漂流瓶里发现一封没有署名的信");
        await page.GetByLabel("Language").SelectOptionAsync("zh");
        await page.GetByLabel("Target length").FillAsync("5");
        await page.GetByLabel("Interactive").CheckAsync();
        await studio.Button("Start writing").ClickAsync();

        await Expect(studio.Paragraphs).ToHaveCountAsync(2, new() { Timeout = 60_000 });
        await Expect(studio.Plans).ToHaveCountAsync(3);
        string id = page.Url[(page.Url.IndexOf("#/story/", StringComparison.Ordinal) + "#/story/".Length)..];
        JsonElement story = await server.StoryAsync(id);
        Assert.Equal("zh", story.GetProperty("premise").GetProperty("language").GetString());
        JsonElement paragraphs = await server.Api.GetFromJsonAsync<JsonElement>($"stories/{id}/paragraphs");
        string first = paragraphs.GetProperty("paragraphs")[0].GetProperty("text").GetString()!;
        Assert.Contains(first, c => c is >= '\u4e00' and <= '\u9fff');

        // The page shows the same Chinese title, paragraph and plans the API holds, and counts its words (characters).
        await Expect(page.Locator("#story-title")).ToHaveTextAsync(story.GetProperty("title").GetString()!);
        await Expect(studio.Paragraphs.First).ToContainTextAsync(first[..20]);
        string plan = story.GetProperty("plans")[0].GetString()!;
        await Expect(page.GetByLabel("Plan 1", new() { Exact = true })).ToHaveValueAsync(plan);
        Assert.Contains(plan, c => c is >= '\u4e00' and <= '\u9fff');
        Assert.NotEqual("0", await page.Locator("#fact-words").InnerTextAsync());
        studio.AssertClean();
    }
}
