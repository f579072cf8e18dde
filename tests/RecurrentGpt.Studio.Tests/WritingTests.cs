using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RecurrentGpt.Studio.Tests;

/// <summary>A writer's session in the studio, end to end: the page in Chromium, the real rgpt serve, the offline writer.</summary>
[Collection(StudioCollection.Name)]
public class WritingTests(StudioServer server)
{
    private static readonly LocatorAssertionsToHaveCountOptions StepTime = new() { Timeout = 60_000 };

    [Fact]
    public async Task Interactive_story_started_in_the_page_takes_an_edited_memory_and_plan_then_pauses_resumes_and_exports()
    {
        await using StudioPage studio = await server.OpenAsync(StudioServer.Desktop);
        IPage page = studio.Page;
        Assert.DoesNotContain("key=", page.Url, StringComparison.Ordinal);

        // Start: a genre chip, a topic, interactive mode.
        await page.GetByRole(AriaRole.Link, new() { Name = "New story" }).ClickAsync();
        await page.GetByText("mystery", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Topic").FillAsync("a lighthouse keeper named Elias Grey vanishes");
        await page.GetByLabel("Target length").FillAsync("6");
        await page.GetByLabel("Interactive").CheckAsync();
        await studio.Button("Start writing").ClickAsync();

        // The opening paragraphs and three plans appear without a reload.
        await Expect(studio.Paragraphs).ToHaveCountAsync(2, StepTime);
        await Expect(studio.Plans).ToHaveCountAsync(3);
        await Expect(page.Locator("#offline-banner")).ToBeVisibleAsync();
        string id = page.Url[(page.Url.IndexOf("#/story/", StringComparison.Ordinal) + "#/story/".Length)..];
        JsonElement story = await server.StoryAsync(id);
        Assert.Equal("mystery", story.GetProperty("premise").GetProperty("genre").GetString());
        Assert.Equal("interactive", story.GetProperty("mode").GetString());

        // Edit the short-term memory and save it.
        const string memory = "Elias left the lamp burning on purpose. The harbour master lies about the night boat. (edited in the studio)";
        await Expect(studio.MemoryBox).Not.ToHaveValueAsync(string.Empty);
        await studio.MemoryBox.FillAsync(memory);
        await studio.Button("Save memory").ClickAsync();
        await Expect(page.Locator("#memory-status")).ToContainTextAsync("Memory saved");
        Assert.Equal(memory, (await server.StoryAsync(id)).GetProperty("shortTermMemory").GetString());

        // Choose plan 2 with an edited text.
        const string plan = "Nell rows out to the rock at dawn and finds the keeper's log torn in half.";
        await page.GetByLabel("Plan 2", new() { Exact = true }).FillAsync(plan);
        await Expect(page.Locator("#plan-2-edited")).ToBeVisibleAsync();
        await studio.Button("Choose plan 2").ClickAsync();

        // The next paragraph appears, and its step read the edited memory and plan.
        await Expect(studio.Paragraphs).ToHaveCountAsync(3, StepTime);
        JsonElement step = await server.Api.GetFromJsonAsync<JsonElement>($"stories/{id}/steps/1");
        Assert.Equal(plan, step.GetProperty("chosenPlan").GetString());
        Assert.Equal(memory, step.GetProperty("shortTermMemoryBefore").GetString());
        await Expect(page.Locator("#plans-title")).ToHaveTextAsync("Plans for step 2", new() { Timeout = 60_000 });
        await Expect(page.Locator("#step-plan")).ToHaveTextAsync(plan);

        // Pause and resume.
        await studio.Button("Pause").ClickAsync();
        await Expect(page.Locator("#fact-status")).ToHaveTextAsync("paused");
        Assert.Equal("paused", (await server.StoryAsync(id)).GetProperty("status").GetString());
        await studio.Button("Resume").ClickAsync();
        await Expect(page.Locator("#fact-status")).ToHaveTextAsync("waiting for your choice");

        // Export: a Markdown file with every paragraph.
        IDownload download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export Markdown" }).ClickAsync());
        Assert.EndsWith(".md", download.SuggestedFilename, StringComparison.Ordinal);
        string markdown = await File.ReadAllTextAsync(await download.PathAsync());
        JsonElement paragraphs = await server.Api.GetFromJsonAsync<JsonElement>($"stories/{id}/paragraphs");
        Assert.Equal(3, paragraphs.GetProperty("paragraphs").GetArrayLength());
        foreach (JsonElement paragraph in paragraphs.GetProperty("paragraphs").EnumerateArray())
        {
            Assert.Contains(paragraph.GetProperty("text").GetString()!.Trim(), markdown, StringComparison.Ordinal);
        }

        studio.AssertClean();
    }
}
