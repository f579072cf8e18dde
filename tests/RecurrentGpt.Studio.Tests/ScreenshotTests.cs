using System.Net;
using System.Net.Http.Json;
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
        // A story one step in, with a paragraph a person edited: every part of the writing desk has something to show.
        string id = await server.StartStoryAsync($"a cartographer maps a city that redraws itself ({width})", targetParagraphs: 12);
        Assert.Equal(HttpStatusCode.Accepted, (await server.Api.PostAsJsonAsync($"stories/{id}/choice", new { step = 1, plan = 2 })).StatusCode);
        await server.Serve.WaitForAsync(id, story => story.GetProperty("step").GetInt32() == 1 && story.GetProperty("status").GetString() == "awaiting-choice", "step 1 written");
        Assert.Equal(HttpStatusCode.OK, (await server.Api.PutAsJsonAsync($"stories/{id}/paragraphs/0", new { text = "The city had been redrawn again overnight: the river now ran uphill past the cartographer's door." })).StatusCode);
        await using StudioPage studio = await server.OpenAsync(width == "phone" ? StudioServer.Phone : StudioServer.Desktop);
        IPage page = studio.Page;

        await Expect(page.Locator($"#story-list a[href='#/story/{id}']")).ToBeVisibleAsync();
        await studio.AssertFitsAsync();
        await StudioServer.ScreenshotAsync(page, $"stories-{width}");

        await studio.GoAsync("#/new");
        await Expect(page.GetByLabel("Topic")).ToBeVisibleAsync();
        await page.GetByText("fantasy", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Topic").FillAsync("a cartographer maps a city that redraws itself every night");
        await studio.AssertFitsAsync();
        await StudioServer.ScreenshotAsync(page, $"start-{width}");

        await studio.GoAsync($"#/story/{id}");
        await Expect(studio.Plans).ToHaveCountAsync(3);
        await Expect(page.Locator("#plans ul.recalled:not(:has(li))")).ToHaveCountAsync(0);
        await Expect(page.Locator("#step-recall li").First).ToBeVisibleAsync();
        await Expect(page.Locator("#paragraph-1 .badge.human")).ToBeVisibleAsync();
        await studio.AssertFitsAsync();
        await StudioServer.ScreenshotAsync(page, $"write-{width}");

        studio.AssertClean();
    }
}
