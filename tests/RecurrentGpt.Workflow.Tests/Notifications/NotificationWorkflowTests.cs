using System.Diagnostics;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Notifications;
using RecurrentGpt.Workflow.Signing;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Tests.Notifications;

/// <summary>The real orchestration on the in-memory engine posting to a real receiver on 127.0.0.1.</summary>
public sealed class NotificationWorkflowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const int Port = 29150;
    private const string Secret = CallbackUrlPolicyTests.Secret;
    private static readonly Premise Lighthouse = new("mystery", "a lighthouse keeper named Elias Grey vanishes from a harbour town", null, StoryLanguage.English);
    private CallbackReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await CallbackReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Loopback_receiver_gets_correctly_signed_callbacks_in_order()
    {
        await using WorkflowHarness harness = await StartHarnessAsync(development: true);
        string id = await StartStoryAsync(harness, new Uri(_receiver.BaseUrl, "hooks/story").ToString());

        ReceivedCallback awaiting = (await _receiver.WaitForAsync(1))[0];
        StoryState waiting = await harness.StateAsync(id);
        await harness.Get<ChoiceRecorder>().RecordAsync(id, 1, waiting.Plans[0], PlanChoiceSource.Picked, 1, CancellationToken.None);
        IReadOnlyList<ReceivedCallback> received = await _receiver.WaitForAsync(3);

        Assert.Equal(
            [$"{id}-plans-awaiting-choice-1", $"{id}-step-committed-1", $"{id}-plans-awaiting-choice-2"],
            received.Take(3).Select(r => r.Delivery));
        Assert.All(received, r =>
        {
            Assert.Equal("/hooks/story", r.Path);
            Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(Secret, r.Timestamp, r.Signature, r.Body, DateTimeOffset.UtcNow));
        });

        JsonElement first = Json(awaiting);
        Assert.Equal(id, first.GetProperty("storyId").GetString());
        Assert.Equal("plans-awaiting-choice", first.GetProperty("kind").GetString());
        Assert.Equal(1, first.GetProperty("step").GetInt32());
        Assert.Equal("awaiting-choice", first.GetProperty("status").GetString());
        Assert.Equal(waiting.Title, first.GetProperty("title").GetString());
        Assert.Equal(waiting.ParagraphCount, first.GetProperty("paragraphCount").GetInt32());
        Assert.Equal(waiting.Plans, first.GetProperty("plans").EnumerateArray().Select(p => p.GetString()));
        Assert.True(first.TryGetProperty("sentAt", out _));
        Assert.False(first.TryGetProperty("reason", out _));

        JsonElement committed = Json(received[1]);
        Assert.Equal("step-committed", committed.GetProperty("kind").GetString());
        Assert.Equal(waiting.ParagraphCount + 1, committed.GetProperty("paragraphCount").GetInt32());
        Assert.False(committed.TryGetProperty("plans", out _));

        JsonElement next = Json(received[2]);
        Assert.Equal(2, next.GetProperty("step").GetInt32());
        Assert.Equal(3, next.GetProperty("plans").GetArrayLength());
    }

    [Fact]
    public async Task Subscriber_answering_500_twice_gets_the_plans_on_the_third_attempt()
    {
        _receiver.Answer(500).Answer(500);
        await using WorkflowHarness harness = await StartHarnessAsync(development: true);
        string id = await StartStoryAsync(harness, new Uri(_receiver.BaseUrl, "hook").ToString());

        IReadOnlyList<ReceivedCallback> received = await _receiver.WaitForAsync(3);

        Assert.All(received.Take(3), r =>
        {
            Assert.Equal($"{id}-plans-awaiting-choice-1", r.Delivery);
            Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(Secret, r.Timestamp, r.Signature, r.Body, DateTimeOffset.UtcNow));
        });
        Assert.Equal(received[0].Body, received[2].Body);
    }

    [Fact]
    public async Task Callback_host_re_pointed_at_a_private_address_after_creation_is_not_contacted_and_the_story_goes_on()
    {
        var resolver = new FakeHostResolver()
            .Map("callbacks.test", "127.0.0.1")
            .MapAfterFirstLookup("callbacks.test", "10.0.0.7");
        await using WorkflowHarness harness = await StartHarnessAsync(development: true, resolver);
        string id = await StartStoryAsync(harness, $"http://callbacks.test:{_receiver.Port}/hook");

        await WaitUntilAsync(() => resolver.Lookups >= 2, "the plans-awaiting-choice callback was never attempted");
        StoryState waiting = await harness.WaitForAsync(id, s => s.Status == StoryStatus.AwaitingChoice);
        await harness.Get<ChoiceRecorder>().RecordAsync(id, 1, waiting.Plans[0], PlanChoiceSource.Picked, 1, CancellationToken.None);
        await harness.WaitForAsync(id, s => s.Step == 1 && s.Status == StoryStatus.AwaitingChoice);
        await WaitUntilAsync(() => resolver.Lookups >= 4, "the step-committed and next plans callbacks were never attempted");

        Assert.Empty(_receiver.Received);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await harness.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.Equal(2, (await InteractiveStoryTests.CustomStatusAsync(harness, id, "awaiting-choice")).Step);
    }

    [Fact]
    public async Task Story_needing_attention_tells_the_subscriber_why_and_a_retry_carries_on()
    {
        await using ChatCompletionsServer model = await ChatCompletionsServer.StartAsync();
        bool stepCallsFail = true;
        model.WhenScriptIsEmpty = OfflineWriterReplies.StepCallsFailWhile(() => stepCallsFail, "the model is down");
        IChatClient chat = model.ChatClient();
        await using WorkflowHarness harness = await StartHarnessAsync(development: true, chat: chat);
        string id = await harness.Get<StoryStarter>().StartAsync(
            new NewStory(null, Lighthouse, StoryMode.Auto, 4, CallbackUrl: new Uri(_receiver.BaseUrl, "hook").ToString()), CancellationToken.None);

        ReceivedCallback received = (await _receiver.WaitForAsync(1))[0];

        Assert.Equal($"{id}-needs-attention-1", received.Delivery);
        JsonElement body = Json(received);
        Assert.Equal("needs-attention", body.GetProperty("kind").GetString());
        Assert.Equal("needs-attention", body.GetProperty("status").GetString());
        Assert.Contains("the model is down", body.GetProperty("reason").GetString(), StringComparison.Ordinal);

        stepCallsFail = false;
        await harness.Client.RaiseEventAsync(id, WorkflowNames.RetryEvent, null);
        OrchestrationMetadata done = await AutoStoryTests.WaitForCompletionAsync(harness, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        IReadOnlyList<ReceivedCallback> all = await _receiver.WaitForAsync(3);
        Assert.Equal([$"{id}-needs-attention-1", $"{id}-step-committed-1", $"{id}-step-committed-2"], all.Select(r => r.Delivery));
    }

    [Fact]
    public async Task Story_whose_callback_url_is_private_link_local_or_loopback_is_refused_before_anything_is_written()
    {
        await using WorkflowHarness harness = await StartHarnessAsync(development: false);
        string[] urls = ["https://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/x", $"http://127.0.0.1:{_receiver.Port}/hook"];

        foreach (string url in urls)
        {
            string id = StoryId.New();
            CallbackUrlRejectedException refused = await Assert.ThrowsAsync<CallbackUrlRejectedException>(
                () => harness.Get<StoryStarter>().StartAsync(new NewStory(id, Lighthouse, StoryMode.Interactive, 5, CallbackUrl: url), CancellationToken.None));

            Assert.NotEmpty(refused.Reason);
            Assert.Null(await harness.Get<StoryStateStore>().GetAsync(id, CancellationToken.None));
            Assert.Null(await harness.Client.GetInstanceAsync(id));
        }
    }

    [Fact]
    public async Task Story_with_a_callback_url_is_refused_when_notifications_are_not_configured()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        string id = StoryId.New();

        CallbackUrlRejectedException refused = await Assert.ThrowsAsync<CallbackUrlRejectedException>(
            () => harness.Get<StoryStarter>().StartAsync(new NewStory(id, Lighthouse, StoryMode.Interactive, 5, CallbackUrl: "https://93.184.216.34/hook"), CancellationToken.None));

        Assert.Contains("notifications are not configured", refused.Message, StringComparison.Ordinal);
        Assert.Null(await harness.Get<StoryStateStore>().GetAsync(id, CancellationToken.None));
    }

    [Fact]
    public void Progress_of_a_story_without_a_callback_url_schedules_no_notification()
    {
        var state = new StoryState { StoryId = "s-abcdefghij", Premise = Lighthouse };

        Assert.False(StoryProgress.Of(state).HasCallback);
        Assert.True(StoryProgress.Of(state with { CallbackUrl = "https://hooks.example/x" }).HasCallback);
    }

    private Task<WorkflowHarness> StartHarnessAsync(bool development, FakeHostResolver? resolver = null, IChatClient? chat = null) =>
        WorkflowHarness.StartAsync(azurite, Port, chat, services: services =>
        {
            services.Configure<NotificationOptions>(options =>
            {
                options.SigningSecret = Secret;
                options.AllowLoopbackHttp = development;
                options.FirstRetryDelay = TimeSpan.FromMilliseconds(50);
                options.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
            });
            if (resolver is not null)
            {
                services.AddSingleton<IHostAddressResolver>(resolver);
            }
        });

    private static Task<string> StartStoryAsync(WorkflowHarness harness, string callbackUrl) =>
        harness.Get<StoryStarter>().StartAsync(new NewStory(null, Lighthouse, StoryMode.Interactive, 5, CallbackUrl: callbackUrl), CancellationToken.None);

    private static JsonElement Json(ReceivedCallback callback)
    {
        using JsonDocument document = JsonDocument.Parse(callback.Body);
        return document.RootElement.Clone();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException(failure);
            }

            await Task.Delay(50);
        }
    }
}
