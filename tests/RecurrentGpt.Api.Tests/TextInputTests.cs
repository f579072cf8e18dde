using System.Text;
using RecurrentGpt.Core.Prompts;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Api.Tests;

/// <summary>Text that is blank, not Unicode, marked with a BOM or in Chinese: each is read for what it means.</summary>
public class TextInputTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29173;

    [Fact]
    public async Task Memory_edit_of_only_white_space_is_400_and_the_memory_is_kept()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);
        string id = await api.CreateAsync(new { topic = "a lighthouse keeper vanishes", targetParagraphs = 5 });
        HttpAnswer waiting = await api.WaitForAsync(id, s => s.Text("status") == "awaiting-choice");

        HttpAnswer blank = await api.EditMemoryAsync(id, new { shortTermMemory = " \n\t  " }, waiting.ETag);

        Assert.Equal((400, "invalid-request"), (blank.Status, blank.ProblemType));
        Assert.Contains("shortTermMemory is empty", blank.Body, StringComparison.Ordinal);
        Assert.Equal(waiting.Text("shortTermMemory"), (await api.GetAsync(id)).Text("shortTermMemory"));
    }

    [Fact]
    public async Task Memory_edit_of_one_ten_thousand_character_word_is_over_the_cap_and_refused()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);
        string id = await api.CreateAsync(new { topic = "a lighthouse keeper vanishes", targetParagraphs = 5 });
        HttpAnswer waiting = await api.WaitForAsync(id, s => s.Text("status") == "awaiting-choice");

        HttpAnswer word = await api.EditMemoryAsync(id, new { shortTermMemory = new string('x', 10_000) }, waiting.ETag);

        Assert.Equal((400, "invalid-request"), (word.Status, word.ProblemType));
        Assert.Contains("the cap is 400", word.Body, StringComparison.Ordinal);
        Assert.Equal(waiting.Text("shortTermMemory"), (await api.GetAsync(id)).Text("shortTermMemory"));
    }

    [Fact]
    public async Task Lone_surrogate_and_invalid_utf8_are_named_as_such_not_as_a_wrong_type()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);
        byte[] invalidUtf8 = [.. "{\"topic\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        HttpAnswer surrogate = await api.SendAsync(HttpCall.To("POST", "/api/stories").WithBody("{\"topic\":\"\\ud800\"}"), "CreateStory");
        HttpAnswer bytes = await api.SendAsync(HttpCall.To("POST", "/api/stories").WithBytes(invalidUtf8), "CreateStory");

        Assert.Equal((400, "invalid-request"), (surrogate.Status, surrogate.ProblemType));
        Assert.Contains("$.topic has a lone surrogate", surrogate.Body, StringComparison.Ordinal);
        Assert.Equal((400, "invalid-request"), (bytes.Status, bytes.ProblemType));
        Assert.Contains("$.topic is not valid UTF-8", bytes.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_body_that_starts_with_a_byte_order_mark_is_read()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);
        byte[] body = [.. Encoding.UTF8.GetPreamble(), .. "{\"topic\":\"a keeper with a byte-order mark\",\"id\":\"bom-story\"}"u8];

        HttpAnswer created = await api.SendAsync(HttpCall.To("POST", "/api/stories").WithBytes(body), "CreateStory");

        Assert.Equal(202, created.Status);
        Assert.Equal("a keeper with a byte-order mark", (await harness.StateAsync("bom-story")).Premise.Topic);
    }

    [Fact]
    public async Task Chinese_story_without_a_genre_gets_a_chinese_genre_and_no_english_word_in_its_prompt()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);

        string id = await api.CreateAsync(new { topic = "灯塔看守人在瓶子里发现了一封信", language = "zh", id = "zh-no-genre" });

        StoryState state = await harness.StateAsync(id);
        Assert.Equal("小说", state.Premise.Genre);
        PromptRequest opening = new PromptBuilder(WriterSettings.Default).Opening(state.Premise);
        Assert.All(opening.Messages, message => Assert.DoesNotContain("fiction", message.Text, StringComparison.OrdinalIgnoreCase));
    }
}
