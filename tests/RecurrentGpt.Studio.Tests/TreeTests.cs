using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RecurrentGpt.Studio.Tests;

/// <summary>
/// The story as a tree, from the page: a step selected in the timeline shows its record; rewind (confirmed), try again,
/// a take chosen, a branch read and restored, and a fork, each read back over the API. The timeline is saved as a
/// screenshot at desktop and phone width.
/// </summary>
[Collection(StudioCollection.Name)]
public class TreeTests(StudioServer server)
{
    private static readonly LocatorAssertionsToHaveCountOptions StepTime = new() { Timeout = 60_000 };
    private static readonly LocatorAssertionsToContainTextOptions TextTime = new() { Timeout = 60_000 };

    [Fact]
    public async Task Rewind_try_again_take_restore_and_fork_from_the_page_read_back_over_the_api()
    {
        string id = await server.StartStoryAsync("a cartographer maps a city that redraws itself every night", targetParagraphs: 20);
        for (int step = 1; step <= 4; step++)
        {
            await ChooseAsync(id, step, plan: (step % 3) + 1);
        }

        string beforeRewind = await ExportAsync(id);
        JsonElement stepTwo = await GetAsync($"stories/{id}/steps/2");
        int opening = (await GetAsync($"stories/{id}/timeline")).GetProperty("openingParagraphs").GetInt32();

        await using StudioPage studio = await server.OpenAsync(StudioServer.Desktop, $"#/story/{id}");
        IPage page = studio.Page;
        await Expect(studio.Paragraphs).ToHaveCountAsync(opening + 4, StepTime);
        await Expect(Timeline(page)).ToHaveCountAsync(5);
        await Expect(page.Locator("#step-title")).ToHaveTextAsync("Step 4");

        // A step selected in the timeline: its plan and memory before and after, as its record holds them.
        await Timeline(page).Nth(2).ClickAsync();
        await Expect(page.Locator("#step-title")).ToHaveTextAsync("Step 2");
        await Expect(page.Locator("#step-plan")).ToHaveTextAsync(stepTwo.GetProperty("chosenPlan").GetString()!);
        await Expect(page.Locator("#step-memory")).ToHaveTextAsync(stepTwo.GetProperty("shortTermMemoryBefore").GetString()!);
        await Expect(page.Locator("#step-memory-after")).ToHaveTextAsync(stepTwo.GetProperty("shortTermMemoryAfter").GetString()!);

        // Rewind asks first; saying no changes nothing.
        await studio.Button("Rewind here…").ClickAsync();
        await Expect(page.Locator("#rewind-question")).ToContainTextAsync("Steps 3 to 4 stay as a branch");
        await studio.Button("Keep the story as it is").ClickAsync();
        Assert.Equal(4, (await server.StoryAsync(id)).GetProperty("step").GetInt32());
        await studio.Button("Rewind here…").ClickAsync();
        await studio.Button("Yes, rewind to step 2").ClickAsync();
        await Expect(studio.Paragraphs).ToHaveCountAsync(opening + 2, StepTime);
        await Expect(Timeline(page)).ToHaveCountAsync(3);
        JsonElement rewound = await server.StoryAsync(id);
        Assert.Equal((2, 1), (rewound.GetProperty("step").GetInt32(), rewound.GetProperty("branch").GetInt32()));
        Assert.Equal(stepTwo.GetProperty("shortTermMemoryAfter").GetString(), rewound.GetProperty("shortTermMemory").GetString());
        await Expect(page.Locator("#step-memory-after")).ToHaveTextAsync(rewound.GetProperty("shortTermMemory").GetString()!);

        // The branch it left is listed, and reads as the API reads it.
        JsonElement branchZero = await GetAsync($"stories/{id}/branches/0?count=50");
        string[] branchText = [.. branchZero.GetProperty("text").GetProperty("paragraphs").EnumerateArray().Select(p => p.GetProperty("text").GetString()!)];
        Assert.Equal(2, branchText.Length);
        await studio.Button("Read branch 0").ClickAsync();
        await Expect(page.Locator("li.branch[data-branch='0'] .branch-text > li")).ToHaveTextAsync(branchText);

        // Try again: step 2 is written afresh from its record's inputs; the take it had is kept.
        string takeOne = (await GetAsync($"stories/{id}/paragraphs?from={opening + 1}&count=1")).GetProperty("paragraphs")[0].GetProperty("text").GetString()!;
        await studio.Button("Try again").ClickAsync();
        await Expect(page.Locator("#takes-label")).ToContainTextAsync("Step 2: take 2 of", TextTime);
        JsonElement lastStep = await LastTimelineStepAsync(id);
        Assert.Equal(2, lastStep.GetProperty("standingTake").GetInt32());
        await Expect(page.Locator("#takes-label")).ToHaveTextAsync($"Step 2: take 2 of {lastStep.GetProperty("takes").GetInt32()} stands.");
        JsonElement takeTwoRecord = await GetAsync($"stories/{id}/steps/2");
        Assert.Equal(stepTwo.GetProperty("chosenPlan").GetString(), takeTwoRecord.GetProperty("chosenPlan").GetString());
        Assert.Equal(stepTwo.GetProperty("shortTermMemoryBefore").GetString(), takeTwoRecord.GetProperty("shortTermMemoryBefore").GetString());

        // Take 1 stands again: the text and the memory follow it.
        await studio.Button("Take 1 of step 2").ClickAsync();
        await Expect(page.Locator("#takes-label")).ToContainTextAsync("take 1 of", TextTime);
        Assert.Equal(1, (await LastTimelineStepAsync(id)).GetProperty("standingTake").GetInt32());
        Assert.Contains(takeOne, await ExportAsync(id), StringComparison.Ordinal);
        // The story stands right after step 2 again (where "try again" was pressed), not further on along the first take's line.
        JsonElement onTakeOne = await server.StoryAsync(id);
        Assert.Equal(2, onTakeOne.GetProperty("step").GetInt32());
        Assert.Equal(stepTwo.GetProperty("shortTermMemoryAfter").GetString(), onTakeOne.GetProperty("shortTermMemory").GetString());
        Assert.Equal(stepTwo.GetProperty("plans").EnumerateArray().Select(p => p.GetString()), onTakeOne.GetProperty("plans").EnumerateArray().Select(p => p.GetString()));
        await Expect(page.Locator($"#paragraph-{opening + 2} .paragraph-text")).ToHaveTextAsync(takeOne);

        // Screenshots of the timeline with branches and takes, at both widths.
        await Timeline(page).Nth(1).ClickAsync();
        await Expect(page.Locator("#step-title")).ToHaveTextAsync("Step 1");
        await studio.AssertFitsAsync();
        await StudioServer.ScreenshotAsync(page, "timeline-desktop");
        await page.EvaluateAsync("() => document.getElementById('timeline-panel').scrollIntoView({ block: 'start' })");
        await StudioServer.ScreenshotAsync(page, "timeline-desktop-panel", fullPage: false);
        await page.SetViewportSizeAsync(StudioServer.Phone.Width, StudioServer.Phone.Height);
        await studio.AssertFitsAsync();
        await StudioServer.ScreenshotAsync(page, "timeline-phone");
        await page.EvaluateAsync("() => document.getElementById('timeline-panel').scrollIntoView({ block: 'start' })");
        await StudioServer.ScreenshotAsync(page, "timeline-phone-panel", fullPage: false);
        await page.SetViewportSizeAsync(StudioServer.Desktop.Width, StudioServer.Desktop.Height);

        // Restore branch 0 (asked first): the story is back as it was before the rewind, byte for byte.
        await studio.Button("Restore branch 0…").ClickAsync();
        await studio.Button("Yes, restore branch 0").ClickAsync();
        await Expect(studio.Paragraphs).ToHaveCountAsync(opening + 4, StepTime);
        await Expect(Timeline(page)).ToHaveCountAsync(5);
        Assert.Equal(beforeRewind, await ExportAsync(id));

        // A fork with an id that is taken is refused in words, and nothing changes.
        await Timeline(page).Nth(1).ClickAsync();
        await studio.Button("Fork here…").ClickAsync();
        await page.GetByLabel("Id for the new story").FillAsync(id);
        await studio.Button("Fork the story").ClickAsync();
        await Expect(page.Locator("#step-status")).ToContainTextAsync("Fork did not work");
        Assert.Equal(beforeRewind, await ExportAsync(id));

        // A fork at step 1: the page moves to it; it stands as its parent did after step 1, and the parent is unchanged.
        string fork = id + "-fork";
        await page.GetByLabel("Id for the new story").FillAsync(fork);
        await studio.Button("Fork the story").ClickAsync();

        // The page goes to the fork (polled: the move is a hash change, which may land before any wait would begin).
        await Expect(page.Locator("#story-fork")).ToContainTextAsync($"A fork of {id} at step 1", new() { Timeout = 60_000 });
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#/story/{fork}$"), new() { Timeout = 60_000 });
        await Expect(studio.Paragraphs).ToHaveCountAsync(opening + 1, StepTime);
        JsonElement forked = await server.StoryAsync(fork);
        Assert.Equal(id, forked.GetProperty("forkedFrom").GetProperty("storyId").GetString());
        Assert.Equal(1, forked.GetProperty("forkedFrom").GetProperty("step").GetInt32());
        Assert.Equal((await GetAsync($"stories/{id}/steps/1")).GetProperty("shortTermMemoryAfter").GetString(), forked.GetProperty("shortTermMemory").GetString());
        Assert.Equal(beforeRewind, await ExportAsync(id));

        studio.AssertClean();
    }

    private static ILocator Timeline(IPage page) => page.Locator("#timeline > li");

    private async Task ChooseAsync(string id, int step, int plan)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await server.Api.PostAsJsonAsync($"stories/{id}/choice", new { step, plan })).StatusCode);
        await server.Serve.WaitForAsync(id, story => story.GetProperty("step").GetInt32() == step && story.GetProperty("status").GetString() == "awaiting-choice", $"step {step} written");
    }

    private async Task<JsonElement> GetAsync(string path) => await server.Api.GetFromJsonAsync<JsonElement>(path);

    private async Task<JsonElement> LastTimelineStepAsync(string id)
    {
        JsonElement steps = (await GetAsync($"stories/{id}/timeline")).GetProperty("steps");
        return steps[steps.GetArrayLength() - 1];
    }

    private async Task<string> ExportAsync(string id) => await server.Api.GetStringAsync($"stories/{id}/export?format=md");
}
