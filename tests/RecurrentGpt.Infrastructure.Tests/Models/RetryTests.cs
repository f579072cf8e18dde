using System.Globalization;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Infrastructure.Models;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Infrastructure.Tests.Models;

public sealed class RetryTests
{
    [Fact]
    public async Task Rate_limited_call_is_retried_after_the_retry_after_wait_and_then_succeeds()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(ScriptedReply.RateLimited(retryAfterSeconds: 1), ScriptedReply.Completion(StoryReplies.Opening()));
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        RecurrentWriter writer = ModelTestKit.Writer(ModelTestKit.Azure(server, maxRetries: 2));

        WriterResult<OpeningOutcome> result = await writer.OpenAsync(ModelTestKit.Premise, deadline.Token);

        Assert.Equal(2, server.Requests.Count);
        TimeSpan gap = server.Requests[1].ArrivedAfterStart - server.Requests[0].ArrivedAfterStart;
        Assert.True(gap >= TimeSpan.FromSeconds(0.9), $"the retry came {gap.TotalMilliseconds:0} ms after the 429");
        Assert.Equal("The Keeper of Gull Rock", result.Value.Opening.Title);
    }

    [Fact]
    public async Task Server_error_is_retried_max_retries_times_then_the_model_is_unavailable_with_status_500()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(
            ScriptedReply.Error(500, "The server had an error."),
            ScriptedReply.Error(500, "The server had an error."),
            ScriptedReply.Error(500, "The server had an error."),
            ScriptedReply.Completion(StoryReplies.Opening()));
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        RecurrentWriter writer = ModelTestKit.Writer(ModelTestKit.OpenAICompatible(server, maxRetries: 2));

        ModelUnavailableException failure = await Assert.ThrowsAsync<ModelUnavailableException>(
            () => writer.OpenAsync(ModelTestKit.Premise, deadline.Token));

        Assert.Equal(500, failure.StatusCode);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(1, server.PendingReplies);
        Assert.Contains("HTTP 500", failure.Message, StringComparison.Ordinal);
        Assert.Contains("The server had an error.", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ModelTestKit.OpenAIKey, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_cut_while_the_answer_is_read_is_a_model_unavailable_failure_not_a_bare_io_error()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        ScriptedReply cut = ScriptedReply.Completion(StoryReplies.Opening()) with { CutsConnectionMidBody = true };
        server.Enqueue(cut, cut, cut);
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        RecurrentWriter writer = ModelTestKit.Writer(ModelTestKit.OpenAICompatible(server, maxRetries: 0));

        ModelUnavailableException failure = await Assert.ThrowsAsync<ModelUnavailableException>(
            () => writer.OpenAsync(ModelTestKit.Premise, deadline.Token));

        Assert.Null(failure.StatusCode);
        Assert.Contains("could not be reached", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_after_ms_is_honoured_although_the_sdk_alone_ignores_it()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        var headers = new Dictionary<string, string> { ["retry-after-ms"] = "1500" };
        server.Enqueue(ScriptedReply.Error(429, "Rate limit reached.", headers), ScriptedReply.Completion(StoryReplies.Opening()));
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        RecurrentWriter writer = ModelTestKit.Writer(ModelTestKit.OpenAICompatible(server, maxRetries: 1));

        await writer.OpenAsync(ModelTestKit.Premise, deadline.Token);

        IReadOnlyList<RecordedRequest> requests = server.Requests;
        Assert.Equal(2, requests.Count);
        TimeSpan gap = requests[1].ArrivedAfterStart - requests[0].ArrivedAfterStart;
        Assert.True(gap >= TimeSpan.FromSeconds(1.4), $"the retry came {gap.TotalMilliseconds:0} ms after the 429");
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_honoured()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        // Two seconds ahead; whole-second precision leaves a wait of one to two seconds, above the SDK's 0.8 s backoff.
        string date = DateTimeOffset.UtcNow.AddSeconds(2).ToString("r", CultureInfo.InvariantCulture);
        server.Enqueue(
            ScriptedReply.Error(503, "Busy.", new Dictionary<string, string> { ["Retry-After"] = date }),
            ScriptedReply.Completion(StoryReplies.Opening()));
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        RecurrentWriter writer = ModelTestKit.Writer(ModelTestKit.Azure(server, maxRetries: 1));

        await writer.OpenAsync(ModelTestKit.Premise, deadline.Token);

        IReadOnlyList<RecordedRequest> requests = server.Requests;
        Assert.Equal(2, requests.Count);
        TimeSpan gap = requests[1].ArrivedAfterStart - requests[0].ArrivedAfterStart;
        Assert.True(gap >= TimeSpan.FromSeconds(0.9), $"the retry came {gap.TotalMilliseconds:0} ms after the 503");
    }

    [Fact]
    public async Task Rate_limit_asking_for_a_wait_beyond_the_bound_fails_at_once_with_429()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(ScriptedReply.RateLimited(retryAfterSeconds: 600), ScriptedReply.Completion(StoryReplies.Opening()));
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        RecurrentWriter writer = ModelTestKit.Writer(ModelTestKit.Azure(server, maxRetries: 3));

        ModelUnavailableException failure = await Assert.ThrowsAsync<ModelUnavailableException>(
            () => writer.OpenAsync(ModelTestKit.Premise, deadline.Token));

        Assert.Equal(429, failure.StatusCode);
        Assert.Single(server.Requests);
        Assert.Contains("asked to wait 600 s", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_error_is_not_retried_and_the_key_it_echoes_never_shows()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(ScriptedReply.Error(401, $"Incorrect API key provided: {ModelTestKit.AzureKey}."), ScriptedReply.Completion(StoryReplies.Opening()));
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        RecurrentWriter writer = ModelTestKit.Writer(ModelTestKit.Azure(server, maxRetries: 3));

        ModelUnavailableException failure = await Assert.ThrowsAsync<ModelUnavailableException>(
            () => writer.OpenAsync(ModelTestKit.Premise, deadline.Token));

        Assert.Equal(401, failure.StatusCode);
        Assert.Single(server.Requests);
        Assert.Contains("Incorrect API key provided: [redacted]", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ModelTestKit.AzureKey, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_model_is_unavailable_without_a_status()
    {
        ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        ModelOptions options = ModelTestKit.OpenAICompatible(server, maxRetries: 1);
        await server.DisposeAsync();
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        RecurrentWriter writer = ModelTestKit.Writer(options);

        ModelUnavailableException failure = await Assert.ThrowsAsync<ModelUnavailableException>(
            () => writer.OpenAsync(ModelTestKit.Premise, deadline.Token));

        Assert.Null(failure.StatusCode);
        Assert.Contains("could not be reached after 1 retry", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ModelTestKit.OpenAIKey, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_slower_than_the_network_timeout_is_unavailable()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion(StoryReplies.Opening()) with { Delay = TimeSpan.FromSeconds(20) });
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        ModelOptions options = ModelTestKit.Azure(server);
        options.NetworkTimeoutSeconds = 1;
        RecurrentWriter writer = ModelTestKit.Writer(options);

        ModelUnavailableException failure = await Assert.ThrowsAsync<ModelUnavailableException>(
            () => writer.OpenAsync(ModelTestKit.Premise, deadline.Token));

        Assert.Null(failure.StatusCode);
        Assert.Contains("did not answer within 1 s", failure.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Caller_cancellation_stays_a_cancellation()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion(StoryReplies.Opening()) with { Delay = TimeSpan.FromSeconds(20) });
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        RecurrentWriter writer = ModelTestKit.Writer(ModelTestKit.Azure(server, maxRetries: 2));

        Task opening = writer.OpenAsync(ModelTestKit.Premise, caller.Token);
        await server.WaitForRequestsAsync(1, ModelTestKit.Deadline, deadline.Token);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => opening);
        Assert.Single(server.Requests);
    }
}
