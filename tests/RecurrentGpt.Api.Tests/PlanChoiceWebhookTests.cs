using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Signing;

namespace RecurrentGpt.Api.Tests;

public class PlanChoiceWebhookTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29171;
    private const string Secret = "webhook-secret-for-the-tests";

    [Fact]
    public async Task Correctly_signed_delivery_is_recorded_and_the_story_advances()
    {
        await using WorkflowHarness harness = await StartWithSecretAsync();
        (ApiDriver api, string id) = await WaitingStoryAsync(harness);

        HttpAnswer answer = await DeliverAsync(harness, Body(id, 1, plan: 2), "delivery-1");

        Assert.Equal(200, answer.Status);
        Assert.Equal("picked", answer.Text("source"));
        await api.WaitForAsync(id, s => ApiDriver.Is(s, "awaiting-choice", 1));
    }

    [Fact]
    public async Task Bad_signature_missing_headers_or_a_stale_timestamp_are_401_and_record_nothing()
    {
        await using WorkflowHarness harness = await StartWithSecretAsync();
        (_, string id) = await WaitingStoryAsync(harness);
        byte[] body = Body(id, 1, plan: 1);
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        HttpAnswer wrongSecret = await SendAsync(harness, body, now.ToString(), WebhookSignature.Sign("another-secret-entirely", now, body), "d-1");
        HttpAnswer tampered = await SendAsync(harness, Body(id, 1, plan: 3), now.ToString(), WebhookSignature.Sign(Secret, now, body), "d-2");
        HttpAnswer noSignature = await SendAsync(harness, body, now.ToString(), null, "d-3");
        HttpAnswer noTimestamp = await SendAsync(harness, body, null, WebhookSignature.Sign(Secret, now, body), "d-4");
        HttpAnswer noDelivery = await SendAsync(harness, body, now.ToString(), WebhookSignature.Sign(Secret, now, body), null);
        long old = now - 6 * 60;
        HttpAnswer stale = await SendAsync(harness, body, old.ToString(), WebhookSignature.Sign(Secret, old, body), "d-5");
        long future = now + 6 * 60;
        HttpAnswer early = await SendAsync(harness, body, future.ToString(), WebhookSignature.Sign(Secret, future, body), "d-6");

        Assert.All(new[] { wrongSecret, tampered, noSignature, noTimestamp, noDelivery, stale, early }, answer =>
            Assert.Equal((401, "invalid-signature"), (answer.Status, answer.ProblemType)));
        Assert.Null(await harness.Get<StoryStateStore>().GetChoiceAsync(id, 1, CancellationToken.None));
    }

    [Fact]
    public async Task Same_delivery_twice_records_one_choice_and_the_second_is_a_200_no_op()
    {
        await using WorkflowHarness harness = await StartWithSecretAsync();
        (ApiDriver api, string id) = await WaitingStoryAsync(harness);
        byte[] body = Body(id, 1, plan: 1, text: "Elias follows the light to the chapel.");
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string signature = WebhookSignature.Sign(Secret, now, body);

        HttpAnswer first = await SendAsync(harness, body, now.ToString(), signature, "same-delivery");
        HttpAnswer again = await SendAsync(harness, body, now.ToString(), signature, "same-delivery");

        Assert.Equal(200, first.Status);
        Assert.Equal(200, again.Status);
        Assert.Equal("duplicate", again.Text("outcome"));
        await api.WaitForAsync(id, s => ApiDriver.Is(s, "awaiting-choice", 1));
        Assert.Equal("Elias follows the light to the chapel.", (await harness.Get<StoryStateStore>().GetChoiceAsync(id, 1, CancellationToken.None))!.Plan);
        Assert.Null(await harness.Get<StoryStateStore>().GetChoiceAsync(id, 2, CancellationToken.None));
    }

    [Fact]
    public async Task Body_over_the_limit_is_413_before_its_signature_is_checked()
    {
        await using WorkflowHarness harness = await StartWithSecretAsync();
        (_, string id) = await WaitingStoryAsync(harness);
        byte[] body = Encoding.UTF8.GetBytes($"{{\"storyId\":\"{id}\",\"step\":1,\"text\":\"{new string('x', 20_000)}\"}}");

        HttpAnswer answer = await DeliverAsync(harness, body, "too-big");

        Assert.Equal((413, "body-too-large"), (answer.Status, answer.ProblemType));
        Assert.Null(await harness.Get<StoryStateStore>().GetChoiceAsync(id, 1, CancellationToken.None));
    }

    [Fact]
    public async Task Failed_delivery_is_forgotten_so_a_corrected_redelivery_is_handled()
    {
        await using WorkflowHarness harness = await StartWithSecretAsync();
        (_, string id) = await WaitingStoryAsync(harness);

        HttpAnswer stale = await DeliverAsync(harness, Body(id, 9, plan: 1), "retried-delivery");
        HttpAnswer fixedUp = await DeliverAsync(harness, Body(id, 1, plan: 1), "retried-delivery");

        Assert.Equal((409, "stale-step"), (stale.Status, stale.ProblemType));
        Assert.Equal(200, fixedUp.Status);
    }

    [Fact]
    public async Task Webhook_without_a_configured_secret_answers_503()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var call = HttpCall.To("POST", "/api/hooks/plan-choice").WithBytes(Body("any-story", 1, plan: 1));

        HttpAnswer answer = await new ApiDriver(harness).SendAsync(call, "PlanChoiceWebhook");

        Assert.Equal((503, "webhook-not-configured"), (answer.Status, answer.ProblemType));
    }

    private static async Task<(ApiDriver Api, string Id)> WaitingStoryAsync(WorkflowHarness harness)
    {
        var api = new ApiDriver(harness);
        string id = await api.CreateAsync(new { topic = "a lighthouse keeper named Elias Grey vanishes", targetParagraphs = 6 });
        await api.WaitForAsync(id, s => s.Text("status") == "awaiting-choice");
        return (api, id);
    }

    private static byte[] Body(string storyId, int step, int? plan = null, string? text = null) =>
        Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { storyId, step, plan, text }, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        }));

    private static Task<HttpAnswer> DeliverAsync(WorkflowHarness harness, byte[] body, string delivery)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return SendAsync(harness, body, now.ToString(), WebhookSignature.Sign(Secret, now, body), delivery);
    }

    private static async Task<HttpAnswer> SendAsync(WorkflowHarness harness, byte[] body, string? timestamp, string? signature, string? delivery)
    {
        HttpCall call = HttpCall.To("POST", "/api/hooks/plan-choice").WithBytes(body);
        if (timestamp is not null)
        {
            call.WithHeader(WebhookSignature.TimestampHeader, timestamp);
        }

        if (signature is not null)
        {
            call.WithHeader(WebhookSignature.SignatureHeader, signature);
        }

        if (delivery is not null)
        {
            call.WithHeader(WebhookSignature.DeliveryHeader, delivery);
        }

        return await new ApiDriver(harness).SendAsync(call, "PlanChoiceWebhook");
    }

    /// <summary>The harness with the webhook's secret set: its options are the one thing these tests choose.</summary>
    private Task<WorkflowHarness> StartWithSecretAsync() =>
        WorkflowHarness.StartAsync(azurite, Port, services: services => services.Configure<WebhookOptions>(options => options.Secret = Secret));
}
