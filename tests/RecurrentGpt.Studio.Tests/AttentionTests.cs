using RecurrentGpt.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace RecurrentGpt.Studio.Tests;

/// <summary>
/// A story whose model fails, steered from the page: the reason is shown, Retry carries it on, and switching to auto
/// lets the writer finish it. The model is a local chat-completions server answering like the offline writer.
/// </summary>
[Collection(StudioCollection.Name)]
public class AttentionTests(StudioServer server)
{
    [Fact]
    public async Task Failing_step_shows_its_reason_retry_continues_and_auto_mode_finishes_the_story()
    {
        await using ChatCompletionsServer model = await ChatCompletionsServer.StartAsync();
        bool stepCallsFail = true;
        model.WhenScriptIsEmpty = OfflineWriterReplies.StepCallsFailWhile(() => stepCallsFail, "the model is down for maintenance");
        await using ServeProcess serve = await ServeProcess.StartAsync(new Dictionary<string, string>
        {
            ["RGPT_Model__Provider"] = "OpenAICompatible",
            ["RGPT_Model__BaseUrl"] = model.OpenAIBaseUrl.ToString(),
            ["RGPT_Model__ModelName"] = "studio-test-model",
            ["RGPT_Model__MaxRetries"] = "0",
            ["RGPT_Workflow__ModelAttempts"] = "1",
            ["RGPT_Workflow__ModelRetryDelay"] = "00:00:00",
        });
        string id = await serve.CreateStoryAsync("a courier carries a letter that rewrites its address", targetParagraphs: 4);
        await using StudioPage studio = await server.OpenAsync(serve, StudioServer.Desktop, $"#/story/{id}");

        // A language model answers: no offline banner, and the model is named.
        await Expect(studio.Plans).ToHaveCountAsync(3, new() { Timeout = 60_000 });
        await Expect(studio.Page.Locator("#fact-model")).ToHaveTextAsync("studio-test-model");
        await Expect(studio.Page.Locator("#offline-banner")).ToBeHiddenAsync();

        await studio.Button("Choose plan 1").ClickAsync();
        await Expect(studio.Page.Locator("#attention")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(studio.Page.Locator("#attention-reason")).ToContainTextAsync("the model is down for maintenance");
        await Expect(studio.Page.Locator("#fact-status")).ToHaveTextAsync("needs attention");

        stepCallsFail = false;
        await studio.Button("Retry the step").ClickAsync();
        await Expect(studio.Paragraphs).ToHaveCountAsync(3, new() { Timeout = 60_000 });
        await Expect(studio.Page.Locator("#attention")).ToBeHiddenAsync();

        await Expect(studio.Plans).ToHaveCountAsync(3, new() { Timeout = 60_000 });
        await studio.Button("Switch to auto").ClickAsync();
        await Expect(studio.Page.Locator("#fact-status")).ToHaveTextAsync("finished", new() { Timeout = 60_000 });
        await Expect(studio.Paragraphs).ToHaveCountAsync(4);
        await Expect(studio.Page.Locator("#fact-mode")).ToHaveTextAsync("auto");
        await Expect(studio.Button("Pause")).ToBeDisabledAsync();
        await Expect(studio.MemoryBox).Not.ToBeEditableAsync();
        studio.AssertClean();
    }
}
