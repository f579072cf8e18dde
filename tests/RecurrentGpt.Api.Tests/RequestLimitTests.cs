using Microsoft.Extensions.DependencyInjection;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Api.Tests;

public class RequestLimitTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29172;

    [Fact]
    public async Task Oversized_or_malformed_create_requests_are_refused_and_nothing_is_written()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);
        (string Body, string? ContentType, int Status, string Type)[] cases =
        [
            ($"{{\"topic\":\"{new string('a', ApiLimits.MaxBodyBytes)}\"}}", "application/json", 413, "body-too-large"),
            ($"{{\"topic\":\"{new string('a', StoryLimits.MaxTopicChars + 1)}\"}}", "application/json", 400, "invalid-request"),
            ("{\"topic\":", "application/json", 400, "invalid-request"),
            ("{\"topic\":\"x\",\"bogus\":1}", "application/json", 400, "invalid-request"),
            ("{\"topic\":\"x\",\"targetParagraphs\":\"many\"}", "application/json", 400, "invalid-request"),
            ("{\"topic\":\"x\",\"targetParagraphs\":0}", "application/json", 400, "invalid-request"),
            ("{\"topic\":\"x\",\"mode\":\"sideways\"}", "application/json", 400, "invalid-request"),
            ("{\"topic\":\"x\",\"language\":\"fr\"}", "application/json", 400, "invalid-request"),
            ("{\"topic\":\"x\",\"id\":\"Not An Id\"}", "application/json", 400, "invalid-request"),
            ("{\"genre\":\"horror\"}", "application/json", 400, "invalid-request"),
            ("null", "application/json", 400, "invalid-request"),
            ("", "application/json", 400, "invalid-request"),
            ("topic=x", "application/x-www-form-urlencoded", 415, "unsupported-media-type"),
        ];

        int storiesBefore = (await harness.Get<StoryCatalogue>().ListAsync(100, CancellationToken.None)).Count;
        foreach ((string body, string? contentType, int status, string type) in cases)
        {
            HttpAnswer answer = await api.SendAsync(HttpCall.To("POST", "/api/stories").WithBody(body, contentType!), "CreateStory");
            Assert.True(answer.Status == status, $"{body[..Math.Min(body.Length, 60)]} → {answer}");
            Assert.Equal(type, answer.ProblemType);
            Assert.DoesNotContain("RecurrentGpt.", answer.Body, StringComparison.Ordinal);
        }

        Assert.Equal(storiesBefore, (await harness.Get<StoryCatalogue>().ListAsync(100, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Plan_memory_and_paragraph_text_over_their_limits_are_400_and_change_nothing()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);
        string id = await api.CreateAsync(new { topic = "a lighthouse keeper vanishes", targetParagraphs = 5 });
        HttpAnswer waiting = await api.WaitForAsync(id, s => s.Text("status") == "awaiting-choice");

        HttpAnswer plan = await api.ChooseAsync(id, new { step = 1, text = new string('p', StoryLimits.MaxPlanChars + 1) });
        HttpAnswer memory = await api.EditMemoryAsync(id, new { shortTermMemory = new string('m', StoryLimits.MaxMemoryChars + 1) }, waiting.ETag);
        HttpAnswer overCap = await api.EditMemoryAsync(id, new { shortTermMemory = string.Join(' ', Enumerable.Repeat("word", 401)) }, waiting.ETag);
        HttpAnswer plans = await api.EditMemoryAsync(id, new { plans = new[] { "only one plan" } }, waiting.ETag);
        HttpAnswer paragraph = await api.EditParagraphAsync(id, 0, new { text = new string('t', StoryLimits.MaxParagraphChars + 1) });

        Assert.All(new[] { plan, memory, overCap, plans, paragraph }, answer => Assert.Equal((400, "invalid-request"), (answer.Status, answer.ProblemType)));
        HttpAnswer after = await api.GetAsync(id);
        Assert.Equal(waiting.ETag, after.ETag);
        Assert.Null(await harness.Get<StoryStateStore>().GetChoiceAsync(id, 1, CancellationToken.None));
    }

    [Fact]
    public async Task Fuzzed_requests_are_answered_with_2xx_or_a_4xx_problem_never_500()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);
        string id = await api.CreateAsync(new { topic = "a lighthouse keeper vanishes", targetParagraphs = 5 });
        await api.WaitForAsync(id, s => s.Text("status") == "awaiting-choice");
        var random = new Random(20261126);
        string[] fragments =
        [
            "{", "}", "[", "]", ",", ":", "\"topic\"", "\"step\"", "\"plan\"", "\"text\"", "\"shortTermMemory\"", "\"plans\"", "\"mode\"",
            "\"targetParagraphs\"", "\"serial\"", "\"callbackUrl\"", "\"id\"", "1", "-1", "0", "2147483648", "1e400", "3.5", "true", "null",
            "\"\"", "\"auto\"", "\"interactive\"", "\"https://10.0.0.1/x\"", "\"\\u0000\"", "\"中文\"", "\"../../x\"", "\"" + new string('x', 5000) + "\"",
        ];

        for (int i = 0; i < 400; i++)
        {
            string body = random.Next(4) == 0
                ? new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => (char)random.Next(1, 0x2FFF)).ToArray())
                : string.Concat(Enumerable.Range(0, random.Next(1, 14)).Select(_ => fragments[random.Next(fragments.Length)]));
            HttpAnswer answer = (i % 4) switch
            {
                0 => await api.SendAsync(HttpCall.To("POST", "/api/stories").WithBody(body), "CreateStory"),
                1 => await api.SendAsync(HttpCall.To("POST", "/x").WithBody(body), "RecordChoice", id),
                2 => await api.SendAsync(HttpCall.To("PUT", "/x").WithBody(body).WithHeader("If-Match", "W/\"stale\""), "EditMemory", id),
                _ => await api.SendAsync(HttpCall.To("PUT", "/x").WithBody(body), "EditParagraph", id, random.Next(-2, 4).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            };

            Assert.True(answer.Status is >= 200 and < 500, $"case {i}: {body} → {answer}");
            if (answer.Status >= 400)
            {
                Assert.NotEmpty(answer.ProblemType);
                Assert.DoesNotContain("   at ", answer.Body, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("https://10.0.0.1/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]/hook")]
    [InlineData("http://127.0.0.1:9/hook")]
    public async Task Callback_url_on_a_private_link_local_or_loopback_address_is_refused_at_creation_with_400(string url)
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port, services: services =>
            services.Configure<RecurrentGpt.Workflow.Notifications.NotificationOptions>(options => options.SigningSecret = "a-signing-secret-for-tests"));
        var api = new ApiDriver(harness);

        HttpAnswer answer = await api.SendAsync(
            HttpCall.To("POST", "/api/stories").WithJson(new { topic = "a lighthouse keeper vanishes", id = "callback-probe", callbackUrl = url }),
            "CreateStory");

        Assert.Equal((400, "callback-url-refused"), (answer.Status, answer.ProblemType));
        Assert.Null(await harness.Get<StoryStateStore>().GetAsync("callback-probe", CancellationToken.None));
    }
}
