using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Functions.Http;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Signing;

namespace RecurrentGpt.Functions.Tests;

/// <summary>
/// The HTTP function classes called directly, as the Functions host would call them: an ASP.NET Core request on a
/// <see cref="DefaultHttpContext"/>, a real durable client of a running engine, stores on Azurite.
/// </summary>
public class HttpFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29182;
    private const string Secret = "functions-webhook-secret-0123";

    [Fact]
    public async Task Create_then_status_shows_the_plans_then_a_choice_moves_the_story_to_the_next_step()
    {
        await using FunctionsHarness harness = await FunctionsHarness.StartAsync(azurite, Port);
        var http = new Functions(harness);

        HttpAnswer created = await http.CreateAsync(new { topic = "a lighthouse keeper named Elias Grey vanishes", mode = "interactive", targetParagraphs = 6 });
        Assert.Equal(202, created.Status);
        string id = created.Text("id");
        HttpAnswer waiting = await http.WaitForAsync(id, s => s.Text("status") == "awaiting-choice" && s.Number("step") == 0);
        Assert.Equal(3, waiting.Json.GetProperty("plans").GetArrayLength());

        HttpAnswer chosen = await http.ChooseAsync(id, new { step = 1, plan = 2 });
        HttpAnswer next = await http.WaitForAsync(id, s => s.Text("status") == "awaiting-choice" && s.Number("step") == 1);

        Assert.Equal(202, chosen.Status);
        Assert.Equal(waiting.Number("paragraphCount") + 1, next.Number("paragraphCount"));
        Assert.Equal(2, next.Number("nextStep"));
        HttpAnswer page = await http.RunAsync(HttpCall.To("GET", $"/api/stories/{id}/paragraphs"), (c, r) => c.Reads.ListParagraphs(r, c.Client, id, default));
        Assert.Equal(next.Number("paragraphCount"), page.Json.GetProperty("paragraphs").GetArrayLength());
        HttpAnswer step = await http.RunAsync(HttpCall.To("GET", $"/api/stories/{id}/steps/1"), (c, r) => c.Reads.GetStep(r, c.Client, id, "1", default));
        Assert.Equal(waiting.Json.GetProperty("plans")[1].GetString(), step.Text("chosenPlan"));
    }

    [Fact]
    public async Task Memory_edit_with_a_stale_etag_is_412_and_a_choice_for_a_stale_step_is_409()
    {
        await using FunctionsHarness harness = await FunctionsHarness.StartAsync(azurite, Port);
        var http = new Functions(harness);
        string id = (await http.CreateAsync(new { topic = "a lighthouse keeper vanishes", targetParagraphs = 6 })).Text("id");
        HttpAnswer waiting = await http.WaitForAsync(id, s => s.Text("status") == "awaiting-choice");

        HttpAnswer first = await http.EditMemoryAsync(id, waiting.ETag!, "Elias left a note in the lamp room.");
        HttpAnswer stale = await http.EditMemoryAsync(id, waiting.ETag!, "Elias drowned.");
        HttpAnswer staleStep = await http.ChooseAsync(id, new { step = 5, plan = 1 });

        Assert.Equal(200, first.Status);
        Assert.Equal((412, "stale-etag"), (stale.Status, stale.ProblemType));
        Assert.Equal((409, "stale-step"), (staleStep.Status, staleStep.ProblemType));
        Assert.Equal("Elias left a note in the lamp room.", (await http.GetAsync(id)).Text("shortTermMemory"));
    }

    [Fact]
    public async Task Memory_edit_while_a_step_is_being_written_is_409()
    {
        // A model at the wire that takes seconds over each step keeps the story "writing" while the edit arrives.
        await using ChatCompletionsServer model = await ChatCompletionsServer.StartAsync();
        model.WhenScriptIsEmpty = OfflineWriterReplies.SlowSteps(TimeSpan.FromSeconds(4));
        await using FunctionsHarness harness = await FunctionsHarness.StartAsync(azurite, Port,
            ("Model:Provider", "OpenAICompatible"), ("Model:BaseUrl", model.OpenAIBaseUrl.ToString()), ("Model:ModelName", "slow-model"), ("Model:MaxRetries", "0"));
        var http = new Functions(harness);
        string id = (await http.CreateAsync(new { topic = "a lighthouse keeper vanishes", targetParagraphs = 6 })).Text("id");
        await http.WaitForAsync(id, s => s.Text("status") == "awaiting-choice");
        Assert.Equal(202, (await http.ChooseAsync(id, new { step = 1, text = "Elias climbs the tower at midnight." })).Status);

        HttpAnswer writing = await http.WaitForAsync(id, s => s.Text("status") == "writing");
        HttpAnswer edit = await http.EditMemoryAsync(id, writing.ETag!, "Changed mid-step.");

        Assert.Equal((409, "not-awaiting-choice"), (edit.Status, edit.ProblemType));
    }

    [Fact]
    public async Task Unknown_story_is_404_on_every_story_function()
    {
        await using FunctionsHarness harness = await FunctionsHarness.StartAsync(azurite, Port);
        var http = new Functions(harness);
        const string Id = "no-such-story";
        HttpCall Call(string method) => HttpCall.To(method, $"/api/stories/{Id}");

        HttpAnswer[] answers =
        [
            await http.GetAsync(Id),
            await http.RunAsync(Call("GET"), (c, r) => c.Reads.ListParagraphs(r, c.Client, Id, default)),
            await http.RunAsync(Call("GET").WithHeader("Accept", "*/*"), (c, r) => c.Reads.ExportStory(r, c.Client, Id, default)),
            await http.RunAsync(Call("GET"), (c, r) => c.Reads.GetStep(r, c.Client, Id, "1", default)),
            await http.RunAsync(HttpCall.To("GET", "/x", "plan=1"), (c, r) => c.Reads.PreviewRecall(r, c.Client, Id, default)),
            await http.ChooseAsync(Id, new { step = 1, plan = 1 }),
            await http.EditMemoryAsync(Id, "W/\"x\"", "x"),
            await http.RunAsync(Call("PUT").WithJson(new { text = "x" }), (c, r) => c.Changes.EditParagraph(r, c.Client, Id, "0", default)),
            await http.RunAsync(Call("PUT").WithJson(new { mode = "auto" }), (c, r) => c.Changes.ChangeMode(r, c.Client, Id, default)),
            await http.RunAsync(Call("POST"), (c, r) => c.Changes.PauseStory(r, c.Client, Id, default)),
            await http.RunAsync(Call("POST"), (c, r) => c.Changes.ResumeStory(r, c.Client, Id, default)),
            await http.RunAsync(Call("POST"), (c, r) => c.Changes.CancelStory(r, c.Client, Id, default)),
            await http.RunAsync(Call("POST"), (c, r) => c.Changes.RetryStory(r, c.Client, Id, default)),
        ];

        Assert.All(answers, answer => Assert.Equal((404, "story-not-found"), (answer.Status, answer.ProblemType)));
    }

    [Fact]
    public async Task Signed_webhook_delivery_through_the_function_advances_the_story_and_a_bad_one_is_401()
    {
        await using FunctionsHarness harness = await FunctionsHarness.StartAsync(azurite, Port, ("Webhook:Secret", Secret));
        var http = new Functions(harness);
        string id = (await http.CreateAsync(new { topic = "a lighthouse keeper vanishes", targetParagraphs = 6 })).Text("id");
        await http.WaitForAsync(id, s => s.Text("status") == "awaiting-choice");
        byte[] body = Encoding.UTF8.GetBytes($"{{\"storyId\":\"{id}\",\"step\":1,\"plan\":3}}");
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        HttpCall Delivery(string signature) => HttpCall.To("POST", "/api/hooks/plan-choice").WithBytes(body)
            .WithHeader(WebhookSignature.TimestampHeader, now.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithHeader(WebhookSignature.SignatureHeader, signature)
            .WithHeader(WebhookSignature.DeliveryHeader, "functions-delivery");

        HttpAnswer forged = await http.RunAsync(Delivery(WebhookSignature.Sign("not-the-shared-secret", now, body)), (c, r) => c.Webhook.PlanChoiceWebhook(r, c.Client, default));
        HttpAnswer signed = await http.RunAsync(Delivery(WebhookSignature.Sign(Secret, now, body)), (c, r) => c.Webhook.PlanChoiceWebhook(r, c.Client, default));

        Assert.Equal((401, "invalid-signature"), (forged.Status, forged.ProblemType));
        Assert.Equal(200, signed.Status);
        await http.WaitForAsync(id, s => s.Text("status") == "awaiting-choice" && s.Number("step") == 1);
    }

    [Fact]
    public async Task Pause_resume_cancel_export_and_openapi_go_through_their_functions()
    {
        await using FunctionsHarness harness = await FunctionsHarness.StartAsync(azurite, Port);
        var http = new Functions(harness);
        string id = (await http.CreateAsync(new { topic = "a lighthouse keeper vanishes", targetParagraphs = 6 })).Text("id");
        await http.WaitForAsync(id, s => s.Text("status") == "awaiting-choice");
        HttpCall Call(string method) => HttpCall.To(method, $"/api/stories/{id}");

        Assert.Equal(202, (await http.RunAsync(Call("POST"), (c, r) => c.Changes.PauseStory(r, c.Client, id, default))).Status);
        await http.WaitForAsync(id, s => s.Text("status") == "paused");
        Assert.Equal(202, (await http.RunAsync(Call("POST"), (c, r) => c.Changes.ResumeStory(r, c.Client, id, default))).Status);
        await http.WaitForAsync(id, s => s.Text("status") == "awaiting-choice");
        HttpAnswer markdown = await http.RunAsync(HttpCall.To("GET", "/x", "format=md"), (c, r) => c.Reads.ExportStory(r, c.Client, id, default));
        Assert.Equal(202, (await http.RunAsync(Call("POST"), (c, r) => c.Changes.CancelStory(r, c.Client, id, default))).Status);
        await http.WaitForAsync(id, s => s.Text("status") == "cancelled");
        HttpAnswer list = await http.RunAsync(HttpCall.To("GET", "/api/stories"), (c, r) => c.Reads.ListStories(r, c.Client, default));
        var openApiCall = HttpCall.To("GET", "/api/openapi.json");
        HttpAnswer openApi = await Functions.ExecuteAsync(openApiCall, await http.Reads.OpenApiDocument(openApiCall.Request, default));

        IReadOnlyList<StoredParagraph> paragraphs = await harness.Get<ParagraphStore>().ReadRangeAsync(id, 0, 2, CancellationToken.None);
        Assert.All(paragraphs, p => Assert.Contains(p.Text.Trim(), markdown.Body, StringComparison.Ordinal));
        Assert.Contains(list.Json.GetProperty("stories").EnumerateArray(), s => s.GetProperty("id").GetString() == id && s.GetProperty("status").GetString() == "cancelled");
        Assert.Equal("3.0.3", openApi.Text("openapi"));
    }

    /// <summary>The function classes as the host makes them (from DI), called with the harness's durable client.</summary>
    private sealed class Functions(FunctionsHarness harness)
    {
        public StoryReadFunctions Reads { get; } = ActivatorUtilities.CreateInstance<StoryReadFunctions>(harness.Services);

        public StoryChangeFunctions Changes { get; } = ActivatorUtilities.CreateInstance<StoryChangeFunctions>(harness.Services);

        public PlanChoiceWebhookFunction Webhook { get; } = ActivatorUtilities.CreateInstance<PlanChoiceWebhookFunction>(harness.Services);

        public DurableTaskClient Client => harness.Client;

        public Task<HttpAnswer> CreateAsync(object body) =>
            RunAsync(HttpCall.To("POST", "/api/stories").WithJson(body), (c, r) => c.Changes.CreateStory(r, c.Client, default));

        public Task<HttpAnswer> GetAsync(string id) =>
            RunAsync(HttpCall.To("GET", $"/api/stories/{id}"), (c, r) => c.Reads.GetStory(r, c.Client, id, default));

        public Task<HttpAnswer> ChooseAsync(string id, object body) =>
            RunAsync(HttpCall.To("POST", $"/api/stories/{id}/choice").WithJson(body), (c, r) => c.Changes.RecordChoice(r, c.Client, id, default));

        public Task<HttpAnswer> EditMemoryAsync(string id, string etag, string memory) =>
            RunAsync(HttpCall.To("PUT", $"/api/stories/{id}/memory").WithJson(new { shortTermMemory = memory }).WithHeader("If-Match", etag),
                (c, r) => c.Changes.EditMemory(r, c.Client, id, default));

        public async Task<HttpAnswer> RunAsync(HttpCall call, Func<Functions, HttpRequest, Task<IActionResult>> function) =>
            await ExecuteAsync(call, await function(this, call.Request));

        /// <summary>Executes the function's result the way the ASP.NET Core integration does, then reads the response.</summary>
        public static async Task<HttpAnswer> ExecuteAsync(HttpCall call, IActionResult result)
        {
            await result.ExecuteResultAsync(new ActionContext(call.Context, new RouteData(), new ActionDescriptor()));
            return call.Answer();
        }

        public Task<HttpAnswer> WaitForAsync(string id, Func<HttpAnswer, bool> condition) =>
            Polling.UntilAsync(() => GetAsync(id), story => story.Status == 200 && condition(story), last => $"story {id} answered {last}");
    }
}
