using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RecurrentGpt.Studio.Tests;

/// <summary>The three views at desktop and phone widths, saved as PNGs under artifacts/screenshots.</summary>
[Collection(StudioCollection.Name)]
public class ScreenshotTests(StudioServer server)
{
    public static TheoryData<string> Widths => ["desktop", "phone"];

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Start_write_and_stories_views_fit_the_width_and_are_saved_as_screenshots(string width)
    {
        string id = await server.StartStoryAsync($"a cartographer maps a city that redraws itself ({width})", targetParagraphs: 12);
        await using StudioPage studio = await server.OpenAsync(width == "phone" ? StudioServer.Phone : StudioServer.Desktop);
        IPage page = studio.Page;

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "The", Exact = false }).First).ToBeVisibleAsync();
        await Expect(page.Locator($"#story-list a[href='#/story/{id}']")).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        await StudioServer.ScreenshotAsync(page, $"stories-{width}");

        await studio.GoAsync("#/new");
        await Expect(page.GetByLabel("Topic")).ToBeVisibleAsync();
        await page.GetByText("fantasy", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Topic").FillAsync("a cartographer maps a city that redraws itself every night");
        await AssertFitsAsync(page);
        await StudioServer.ScreenshotAsync(page, $"start-{width}");

        await studio.GoAsync($"#/story/{id}");
        await Expect(studio.Plans).ToHaveCountAsync(3);
        await Expect(page.Locator("#plans .recalled li").First).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        await StudioServer.ScreenshotAsync(page, $"write-{width}");

        studio.AssertClean();
    }

    // Readable at this width: nothing forces the reader to scroll sideways.
    private static async Task AssertFitsAsync(IPage page)
    {
        int overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than the viewport");
    }
}
