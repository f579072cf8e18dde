using static Microsoft.Playwright.Assertions;

namespace RecurrentGpt.Studio.Tests;

/// <summary>Two writers on one story: memory saves carry If-Match, so the later save is told, and nothing is lost.</summary>
[Collection(StudioCollection.Name)]
public class MemoryConflictTests(StudioServer server)
{
    [Fact]
    public async Task Second_save_of_the_same_memory_is_shown_the_conflict_and_keeps_both_texts()
    {
        string id = await server.StartStoryAsync("two editors argue over a drowned bell");
        await using StudioPage first = await server.OpenAsync(StudioServer.Desktop, $"#/story/{id}");
        await using StudioPage second = await server.OpenAsync(StudioServer.Desktop, $"#/story/{id}");
        string original = (await server.StoryAsync(id)).GetProperty("shortTermMemory").GetString()!;
        await Expect(first.MemoryBox).ToHaveValueAsync(original);
        await Expect(second.MemoryBox).ToHaveValueAsync(original);

        const string firstText = "The bell was cast from the town's melted coins. (first editor)";
        const string secondText = "The bell rings only when someone lies. (second editor)";
        await first.MemoryBox.FillAsync(firstText);
        await second.MemoryBox.FillAsync(secondText);
        await first.Button("Save memory").ClickAsync();
        await Expect(first.Page.Locator("#memory-status")).ToContainTextAsync("Memory saved");
        await second.Button("Save memory").ClickAsync();

        // The second page is told, sees the first editor's text, and still holds its own draft.
        await Expect(second.Page.Locator("#memory-conflict")).ToBeVisibleAsync();
        await Expect(second.Page.Locator("#memory-theirs")).ToHaveTextAsync(firstText);
        await Expect(second.MemoryBox).ToHaveValueAsync(secondText);
        await Expect(second.Page.Locator("#memory-status")).ToContainTextAsync("Not saved");
        Assert.Equal(firstText, (await server.StoryAsync(id)).GetProperty("shortTermMemory").GetString());

        // Having seen the other change, the second writer saves theirs over it; the first page follows.
        await second.Button("Save mine over it").ClickAsync();
        await Expect(second.Page.Locator("#memory-status")).ToContainTextAsync("Memory saved");
        await Expect(second.Page.Locator("#memory-conflict")).ToBeHiddenAsync();
        Assert.Equal(secondText, (await server.StoryAsync(id)).GetProperty("shortTermMemory").GetString());
        await Expect(first.MemoryBox).ToHaveValueAsync(secondText);

        first.AssertClean();
        second.AssertClean();
    }
}
