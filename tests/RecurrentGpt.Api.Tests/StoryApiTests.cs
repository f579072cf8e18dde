using Microsoft.DurableTask.Client;
using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Api.Tests;

public class StoryApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29170;

    private static readonly object Lighthouse = new { topic = "a lighthouse keeper named Elias Grey vanishes", genre = "mystery", mode = "interactive", targetParagraphs = 6 };

    [Fact]
    public async Task Created_story_shows_its_plans_and_a_choice_moves_it_to_the_next_step()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);

        HttpAnswer created = await api.SendAsync(HttpCall.To("POST", "/api/stories").WithJson(Lighthouse), "CreateStory");
        Assert.Equal(202, created.Status);
        string id = created.Text("id");
        Assert.Equal($"http://localhost:7071/api/stories/{id}", created.Text("statusUrl"));
        Assert.Equal(created.Text("statusUrl"), created.Headers.Location.ToString());

        HttpAnswer waiting = await api.WaitForAsync(id, s => ApiDriver.Is(s, "awaiting-choice", 0));
        Assert.Equal(1, waiting.Number("nextStep"));
        Assert.Equal(3, waiting.Json.GetProperty("plans").GetArrayLength());
        Assert.NotNull(waiting.ETag);
        string second = waiting.Json.GetProperty("plans")[1].GetString()!;

        HttpAnswer chosen = await api.ChooseAsync(id, new { step = 1, plan = 2 });
        Assert.Equal(202, chosen.Status);
        Assert.Equal("picked", chosen.Text("source"));

        HttpAnswer next = await api.WaitForAsync(id, s => ApiDriver.Is(s, "awaiting-choice", 1));
        Assert.Equal(waiting.Number("paragraphCount") + 1, next.Number("paragraphCount"));
        Assert.Equal(2, next.Number("nextStep"));
        StepRecord record = (await harness.Get<StepRecordStore>().ReadAsync(id, 1, CancellationToken.None))!;
        Assert.Equal(second, record.Inputs.ChosenPlan);
    }

    [Fact]
    public async Task Memory_edit_with_a_stale_etag_is_412_and_the_first_edit_stands()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);
        string id = await api.CreateAsync(Lighthouse);
        HttpAnswer waiting = await api.WaitForAsync(id, s => s.Text("status") == "awaiting-choice");

        HttpAnswer first = await api.EditMemoryAsync(id, new { shortTermMemory = "Elias left a note in the lamp room." }, waiting.ETag);
        HttpAnswer second = await api.EditMemoryAsync(id, new { shortTermMemory = "Elias drowned." }, waiting.ETag);
        HttpAnswer missing = await api.EditMemoryAsync(id, new { shortTermMemory = "Elias drowned." }, etag: null);

        Assert.Equal(200, first.Status);
        Assert.NotEqual(waiting.ETag, first.ETag);
        Assert.Equal(412, second.Status);
        Assert.Equal("stale-etag", second.ProblemType);
        Assert.Equal(428, missing.Status);
        Assert.Equal("Elias left a note in the lamp room.", (await api.GetAsync(id)).Text("shortTermMemory"));
    }

    [Fact]
    public async Task Edits_while_a_step_is_being_written_are_refused_with_409()
    {
        // The model takes a few seconds over each step, so the story is surely "writing" while the edits arrive.
        await using ChatCompletionsServer model = await ChatCompletionsServer.StartAsync();
        model.WhenScriptIsEmpty = OfflineWriterReplies.SlowSteps(TimeSpan.FromSeconds(4));
        IChatClient chat = model.ChatClient("slow-model");
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port, chat);
        var api = new ApiDriver(harness);
        string id = await api.CreateAsync(Lighthouse);
        await api.WaitForAsync(id, s => s.Text("status") == "awaiting-choice");
        Assert.Equal(202, (await api.ChooseAsync(id, new { step = 1, text = "Elias climbs the tower at midnight." })).Status);

        HttpAnswer writing = await api.WaitForAsync(id, s => s.Text("status") == "writing");
        HttpAnswer memory = await api.EditMemoryAsync(id, new { shortTermMemory = "Changed mid-step." }, writing.ETag);
        HttpAnswer paragraph = await api.EditParagraphAsync(id, 0, new { text = "Changed mid-step." });

        Assert.Equal(409, memory.Status);
        Assert.Equal("not-awaiting-choice", memory.ProblemType);
        Assert.Equal(409, paragraph.Status);
        Assert.Equal("step-in-progress", paragraph.ProblemType);
        HttpAnswer after = await api.WaitForAsync(id, s => ApiDriver.Is(s, "awaiting-choice", 1));
        Assert.DoesNotContain("Changed mid-step.", after.Text("shortTermMemory"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_or_malformed_story_ids_are_404_on_every_route()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);
        foreach (string id in new[] { "no-such-story", "BAD ID", "../../etc", new string('a', 41) })
        {
            HttpAnswer[] answers =
            [
                await api.GetAsync(id),
                await api.SendAsync(HttpCall.To("GET", "/x"), "ListParagraphs", id),
                await api.SendAsync(HttpCall.To("GET", "/x"), "ExportStory", id),
                await api.ChooseAsync(id, new { step = 1, plan = 1 }),
                await api.EditMemoryAsync(id, new { shortTermMemory = "x" }, "W/\"x\""),
                await api.EditParagraphAsync(id, 0, new { text = "x" }),
                await api.SendAsync(HttpCall.To("POST", "/x"), "PauseStory", id),
                await api.SendAsync(HttpCall.To("POST", "/x"), "ResumeStory", id),
                await api.SendAsync(HttpCall.To("POST", "/x"), "CancelStory", id),
                await api.SendAsync(HttpCall.To("POST", "/x"), "RetryStory", id),
            ];
            Assert.All(answers, answer =>
            {
                Assert.Equal(404, answer.Status);
                Assert.Equal("story-not-found", answer.ProblemType);
            });
        }

        Assert.Null(await harness.Get<StoryStateStore>().GetAsync("no-such-story", CancellationToken.None));
        Assert.Null(await harness.Get<StoryCatalogue>().GetAsync("no-such-story", CancellationToken.None));
    }

    [Fact]
    public async Task Choice_for_a_stale_step_or_an_already_chosen_step_is_409()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);
        string id = await api.CreateAsync(Lighthouse);
        await api.WaitForAsync(id, s => s.Text("status") == "awaiting-choice");

        HttpAnswer stale = await api.ChooseAsync(id, new { step = 7, plan = 1 });
        HttpAnswer first = await api.ChooseAsync(id, new { step = 1, plan = 3, text = "Elias rows out to the rock." });
        HttpAnswer again = await api.ChooseAsync(id, new { step = 1, plan = 1 });
        HttpAnswer badIndex = await api.ChooseAsync(id, new { step = 1, plan = 4 });
        HttpAnswer nothing = await api.ChooseAsync(id, new { step = 1 });

        Assert.Equal(("stale-step", 409), (stale.ProblemType, stale.Status));
        Assert.Equal(202, first.Status);
        Assert.Equal("edited", first.Text("source"));
        Assert.Equal(("already-chosen", 409), (again.ProblemType, again.Status));
        Assert.Equal(400, badIndex.Status);
        Assert.Equal(400, nothing.Status);
        Assert.Equal("Elias rows out to the rock.", (await harness.Get<StoryStateStore>().GetChoiceAsync(id, 1, CancellationToken.None))!.Plan);
    }

    [Fact]
    public async Task Edited_paragraph_is_a_human_revision_and_is_embedded_again()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);
        string id = await api.CreateAsync(Lighthouse);
        await api.WaitForAsync(id, s => s.Text("status") == "awaiting-choice");
        ParagraphEntry before = (await harness.Get<StoryStateStore>().GetParagraphAsync(id, 0, CancellationToken.None))!;
        const string Text = "The harbour was silent. Elias Grey's boat was found drifting, its lamp still lit.";

        HttpAnswer edited = await api.EditParagraphAsync(id, 0, new { text = Text });
        HttpAnswer missing = await api.EditParagraphAsync(id, 99, new { text = Text });

        Assert.Equal(200, edited.Status);
        Assert.Equal(("human", 2), (edited.Text("author"), edited.Number("revision")));
        Assert.Equal(("paragraph-not-found", 404), (missing.ProblemType, missing.Status));
        ParagraphEntry after = (await harness.Get<StoryStateStore>().GetParagraphAsync(id, 0, CancellationToken.None))!;
        Embedding<float> expected = await harness.Get<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(Text);
        Assert.Equal(expected.Vector.ToArray(), after.Embedding);
        Assert.NotEqual(before.Embedding, after.Embedding);
        Assert.Equal((ParagraphAuthor.Human, 2), (after.Author, after.Revision));
        Assert.Equal(1, (await harness.StateAsync(id)).ParagraphEdits);
        HttpAnswer page = await api.SendAsync(HttpCall.To("GET", "/x", "from=0&count=1"), "ListParagraphs", id);
        Assert.Equal(Text, page.Json.GetProperty("paragraphs")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Pause_resume_and_cancel_drive_the_engine_and_a_finished_story_takes_no_choice()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);
        string id = await api.CreateAsync(Lighthouse);
        await api.WaitForAsync(id, s => s.Text("status") == "awaiting-choice");

        Assert.Equal(202, (await api.SendAsync(HttpCall.To("POST", "/x"), "PauseStory", id)).Status);
        await api.WaitForAsync(id, s => s.Text("status") == "paused");
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await harness.Client.GetInstanceAsync(id))!.RuntimeStatus);
        HttpAnswer listed = await api.SendAsync(HttpCall.To("GET", "/api/stories"), "ListStories");
        Assert.Contains(listed.Json.GetProperty("stories").EnumerateArray(), s => s.GetProperty("id").GetString() == id && s.GetProperty("status").GetString() == "paused");

        Assert.Equal(202, (await api.SendAsync(HttpCall.To("POST", "/x"), "ResumeStory", id)).Status);
        await api.WaitForAsync(id, s => s.Text("status") == "awaiting-choice");
        HttpAnswer retry = await api.SendAsync(HttpCall.To("POST", "/x"), "RetryStory", id);
        Assert.Equal(("not-needing-attention", 409), (retry.ProblemType, retry.Status));

        Assert.Equal(202, (await api.SendAsync(HttpCall.To("POST", "/x"), "CancelStory", id)).Status);
        await api.WaitForAsync(id, s => s.Text("status") == "cancelled");
        OrchestrationMetadata instance = (await harness.Client.WaitForInstanceCompletionAsync(id, CancellationToken.None))!;
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, instance.RuntimeStatus);
        HttpAnswer late = await api.ChooseAsync(id, new { step = 1, plan = 1 });
        Assert.Equal(("story-finished", 409), (late.ProblemType, late.Status));
        Assert.Equal("cancelled", (await harness.Get<StoryCatalogue>().GetAsync(id, CancellationToken.None))!.Status.ToString().ToLowerInvariant());
    }

    [Fact]
    public async Task Export_has_the_title_and_every_paragraph_and_the_list_shows_the_story()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);
        string id = await api.CreateAsync(new { topic = "a clockmaker who repairs time", mode = "auto", targetParagraphs = 4 });
        HttpAnswer done = await api.WaitForAsync(id, s => s.Text("status") == "completed");

        HttpAnswer markdown = await api.SendAsync(HttpCall.To("GET", "/x", "format=md"), "ExportStory", id);
        HttpAnswer text = await api.SendAsync(HttpCall.To("GET", "/x", "format=txt"), "ExportStory", id);
        HttpAnswer epub = await api.SendAsync(HttpCall.To("GET", "/x", "format=epub"), "ExportStory", id);
        HttpAnswer list = await api.SendAsync(HttpCall.To("GET", "/api/stories"), "ListStories");

        IReadOnlyList<StoredParagraph> paragraphs = await harness.Get<ParagraphStore>().ReadRangeAsync(id, 0, 4, CancellationToken.None);
        Assert.StartsWith("# " + done.Text("title"), markdown.Body, StringComparison.Ordinal);
        Assert.StartsWith("text/markdown", markdown.ContentType, StringComparison.Ordinal);
        Assert.Contains($"{id}.md", markdown.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.All(paragraphs, p => Assert.Contains(p.Text.Trim(), markdown.Body, StringComparison.Ordinal));
        Assert.All(paragraphs, p => Assert.Contains(p.Text.Trim(), text.Body, StringComparison.Ordinal));
        Assert.StartsWith("text/plain", text.ContentType, StringComparison.Ordinal);
        Assert.Equal(("unsupported-format", 400), (epub.ProblemType, epub.Status));
        Assert.Contains(list.Json.GetProperty("stories").EnumerateArray(), s => s.GetProperty("id").GetString() == id && s.GetProperty("paragraphCount").GetInt32() == 4);
    }

    [Fact]
    public async Task Step_record_shows_the_edited_memory_and_plan_it_used_and_recall_previews_a_plan()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);
        string id = await api.CreateAsync(Lighthouse);
        HttpAnswer waiting = await api.WaitForAsync(id, s => s.Text("status") == "awaiting-choice");
        Assert.Equal(200, (await api.EditMemoryAsync(id, new { shortTermMemory = "Mara Quint has the harbour ledger." }, waiting.ETag)).Status);
        HttpAnswer preview = await api.SendAsync(HttpCall.To("GET", "/x", "plan=1"), "PreviewRecall", id);
        HttpAnswer byText = await api.SendAsync(HttpCall.To("GET", "/x", "text=the%20ledger"), "PreviewRecall", id);
        HttpAnswer neither = await api.SendAsync(HttpCall.To("GET", "/x"), "PreviewRecall", id);
        Assert.Equal(202, (await api.ChooseAsync(id, new { step = 1, text = "Mara hides the ledger in the chapel." })).Status);
        await api.WaitForAsync(id, s => ApiDriver.Is(s, "awaiting-choice", 1));

        HttpAnswer step = await api.SendAsync(HttpCall.To("GET", "/x"), "GetStep", id, "1");
        HttpAnswer missing = await api.SendAsync(HttpCall.To("GET", "/x"), "GetStep", id, "9");

        Assert.Equal(200, preview.Status);
        Assert.Equal(waiting.Json.GetProperty("plans")[0].GetString(), preview.Text("query"));
        Assert.NotEmpty(preview.Json.GetProperty("recalled").EnumerateArray());
        Assert.All(preview.Json.GetProperty("recalled").EnumerateArray(), m => Assert.InRange(m.GetProperty("score").GetDouble(), -1, 1));
        Assert.Equal("the ledger", byText.Text("query"));
        Assert.Equal(400, neither.Status);
        Assert.Equal(200, step.Status);
        Assert.Equal("Mara hides the ledger in the chapel.", step.Text("chosenPlan"));
        Assert.Contains("Mara Quint has the harbour ledger.", step.Text("shortTermMemoryBefore"), StringComparison.Ordinal);
        Assert.Equal(("step-not-found", 404), (missing.ProblemType, missing.Status));
    }

    [Fact]
    public async Task Switching_to_auto_while_waiting_moves_the_story_on_and_switching_back_makes_it_wait_again()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);
        string id = await api.CreateAsync(new { topic = "a lighthouse keeper vanishes", mode = "interactive", targetParagraphs = 30 });
        await api.WaitForAsync(id, s => s.Text("status") == "awaiting-choice");

        HttpAnswer toAuto = await api.SendAsync(HttpCall.To("PUT", "/x").WithJson(new { mode = "auto" }), "ChangeMode", id);
        Assert.Equal((200, "auto"), (toAuto.Status, toAuto.Text("status")));
        HttpAnswer running = await api.WaitForAsync(id, s => s.Number("step") >= 2 && s.Text("mode") == "auto");
        HttpAnswer back = await api.SendAsync(HttpCall.To("PUT", "/x").WithJson(new { mode = "interactive" }), "ChangeMode", id);
        HttpAnswer waitingAgain = await api.WaitForAsync(id, s => s.Text("status") == "awaiting-choice" && s.Text("mode") == "interactive");
        HttpAnswer bad = await api.SendAsync(HttpCall.To("PUT", "/x").WithJson(new { mode = "sideways" }), "ChangeMode", id);

        Assert.Equal(200, back.Status);
        Assert.True(waitingAgain.Number("paragraphCount") < 30, waitingAgain.ToString());
        Assert.Equal(PlanChoiceSource.Recommended, (await harness.Get<StoryStateStore>().GetChoiceAsync(id, 1, CancellationToken.None))!.Source);
        Assert.Equal(400, bad.Status);
    }
}
