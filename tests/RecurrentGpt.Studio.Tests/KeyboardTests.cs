using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RecurrentGpt.Studio.Tests;

/// <summary>The studio by keyboard alone: Tab to reach, Space and Enter to act, no pointer anywhere.</summary>
[Collection(StudioCollection.Name)]
public class KeyboardTests(StudioServer server)
{
    [Fact]
    public async Task Story_is_started_a_plan_chosen_and_a_paragraph_edited_by_keyboard_alone()
    {
        await using StudioPage studio = await server.OpenAsync(StudioServer.Desktop);
        IPage page = studio.Page;

        await TabToAsync(page, "a[data-nav=start]");
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, "input[name=genre][value=horror]");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("input[name=genre][value=horror]")).ToBeCheckedAsync();
        await TabToAsync(page, "#topic");
        await page.Keyboard.TypeAsync("a night ferry that never reaches the far shore");
        await TabToAsync(page, "#target");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("5");
        await page.Keyboard.PressAsync("Enter");

        await Expect(studio.Plans).ToHaveCountAsync(3, new() { Timeout = 60_000 });
        await TabToAsync(page, "#plans li[data-plan='3'] button.choose");
        await page.Keyboard.PressAsync("Enter");
        await Expect(studio.Paragraphs).ToHaveCountAsync(3, new() { Timeout = 60_000 });
        await Expect(studio.Plans).ToHaveCountAsync(3, new() { Timeout = 60_000 });

        // Edit paragraph 1 in place: it becomes a human revision, marked as such.
        await TabToAsync(page, "button[aria-label='Edit paragraph 1']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#paragraph-edit-1")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("The ferry left at midnight with one passenger too many.");
        await TabToAsync(page, "#paragraph-1 button.primary");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#paragraph-1 .badge.human")).ToHaveTextAsync("edited by you · revision 2");
        await Expect(page.Locator("#fact-edited")).ToHaveTextAsync("1 paragraph");

        string id = page.Url[(page.Url.IndexOf("#/story/", StringComparison.Ordinal) + "#/story/".Length)..];
        JsonElement first = (await server.Api.GetFromJsonAsync<JsonElement>($"stories/{id}/paragraphs?from=0&count=1")).GetProperty("paragraphs")[0];
        Assert.Equal("The ferry left at midnight with one passenger too many.", first.GetProperty("text").GetString());
        Assert.Equal("human", first.GetProperty("author").GetString());
        Assert.Contains("horror", (await server.StoryAsync(id)).GetProperty("premise").GetProperty("genre").GetString(), StringComparison.Ordinal);
        studio.AssertClean();
    }

    // Presses Tab until the element matching the selector has focus: it must be reachable, and in a bounded number of steps.
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (int presses = 0; presses < 120; presses++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{selector} was not reached by Tab");
    }
}
