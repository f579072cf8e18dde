using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RecurrentGpt.Infrastructure.Models;
using RecurrentGpt.Workflow.Notifications;
using RecurrentGpt.Workflow.Signing;

namespace RecurrentGpt.Workflow.Tests.Notifications;

public sealed class CallbackSenderTests : IAsyncLifetime
{
    private const string Secret = CallbackUrlPolicyTests.Secret;
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"storyId":"s1","kind":"step-committed","step":2}""");
    private CallbackReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await CallbackReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Delivered_callback_is_signed_over_the_exact_body_with_its_delivery_id()
    {
        using CallbackSender sender = Sender();

        await sender.SendAsync(HookUrl(), "s1-step-committed-2", Body, CancellationToken.None);

        ReceivedCallback received = Assert.Single(_receiver.Received);
        Assert.Equal("/hook", received.Path);
        Assert.Equal(Body, received.Body);
        Assert.Equal("s1-step-committed-2", received.Delivery);
        Assert.StartsWith("application/json", received.ContentType, StringComparison.Ordinal);
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(Secret, received.Timestamp, received.Signature, received.Body, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Receiver_answering_500_twice_gets_the_notification_on_the_third_attempt()
    {
        _receiver.Answer(500).Answer(500);
        using CallbackSender sender = Sender();

        await sender.SendAsync(HookUrl(), "s1-step-committed-2", Body, CancellationToken.None);

        IReadOnlyList<ReceivedCallback> received = _receiver.Received;
        Assert.Equal(3, received.Count);
        Assert.All(received, r =>
        {
            Assert.Equal("s1-step-committed-2", r.Delivery);
            Assert.Equal(Body, r.Body);
            Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(Secret, r.Timestamp, r.Signature, r.Body, DateTimeOffset.UtcNow));
        });
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Timeout_throttling_and_server_errors_are_retried(int status)
    {
        _receiver.Answer(status, retryAfter: "0");
        using CallbackSender sender = Sender();

        await sender.SendAsync(HookUrl(), "s1-step-committed-2", Body, CancellationToken.None);

        Assert.Equal(2, _receiver.Received.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(410)]
    [InlineData(302)]
    public async Task Client_errors_and_redirects_are_not_retried(int status)
    {
        _receiver.Answer(status);
        using CallbackSender sender = Sender();

        CallbackDeliveryException failed = await Assert.ThrowsAsync<CallbackDeliveryException>(
            () => sender.SendAsync(HookUrl(), "s1-step-committed-2", Body, CancellationToken.None));

        Assert.Single(_receiver.Received);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sender_gives_up_after_the_last_attempt_and_says_what_happened()
    {
        _receiver.Answer(500).Answer(502).Answer(503).Answer(200);
        using CallbackSender sender = Sender(o => o.MaxAttempts = 3);

        CallbackDeliveryException failed = await Assert.ThrowsAsync<CallbackDeliveryException>(
            () => sender.SendAsync(HookUrl(), "s1-step-committed-2", Body, CancellationToken.None));

        Assert.Equal(3, _receiver.Received.Count);
        Assert.Contains("after 3 attempts", failed.Message, StringComparison.Ordinal);
        Assert.Contains("503", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/hook", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receiver_that_does_not_answer_in_time_is_tried_again()
    {
        _receiver.Answer(200, delay: TimeSpan.FromSeconds(30));
        using CallbackSender sender = Sender(o => o.RequestTimeout = TimeSpan.FromMilliseconds(500));

        await sender.SendAsync(HookUrl(), "s1-step-committed-2", Body, CancellationToken.None);

        Assert.Equal(2, _receiver.Received.Count);
    }

    [Fact]
    public async Task Host_resolving_to_a_private_address_at_send_time_is_not_contacted_nor_retried()
    {
        var resolver = new FakeHostResolver().Map("callbacks.test", "10.0.0.7");
        using CallbackSender sender = Sender(resolver: resolver);

        await Assert.ThrowsAsync<CallbackAddressRefusedException>(
            () => sender.SendAsync($"http://callbacks.test:{_receiver.Port}/hook", "s1-step-committed-2", Body, CancellationToken.None));

        Assert.Empty(_receiver.Received);
        Assert.Equal(1, resolver.Lookups);
    }

    [Fact]
    public async Task Host_with_a_refused_and_an_allowed_address_is_reached_only_on_the_allowed_one()
    {
        var resolver = new FakeHostResolver().Map("callbacks.test", "10.0.0.7", "127.0.0.1");
        using CallbackSender sender = Sender(resolver: resolver);

        await sender.SendAsync($"http://callbacks.test:{_receiver.Port}/hook", "s1-step-committed-2", Body, CancellationToken.None);

        Assert.Single(_receiver.Received);
    }

    [Fact]
    public async Task Plain_http_url_is_refused_at_send_time_once_the_development_flag_is_off()
    {
        using CallbackSender sender = Sender(o => o.AllowLoopbackHttp = false);

        await Assert.ThrowsAsync<CallbackUrlRejectedException>(
            () => sender.SendAsync(HookUrl(), "s1-step-committed-2", Body, CancellationToken.None));

        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public void Retry_waits_double_and_honour_retry_after_up_to_the_cap()
    {
        var options = new NotificationOptions { FirstRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(30) };

        Assert.Equal(TimeSpan.FromSeconds(1), CallbackSender.DelayBefore(2, null, options));
        Assert.Equal(TimeSpan.FromSeconds(2), CallbackSender.DelayBefore(3, null, options));
        Assert.Equal(TimeSpan.FromSeconds(4), CallbackSender.DelayBefore(4, null, options));
        Assert.Equal(TimeSpan.FromSeconds(30), CallbackSender.DelayBefore(10, null, options));
        Assert.Equal(TimeSpan.FromSeconds(12), CallbackSender.DelayBefore(2, TimeSpan.FromSeconds(12), options));
        Assert.Equal(TimeSpan.FromSeconds(4), CallbackSender.DelayBefore(4, TimeSpan.FromSeconds(1), options));
        Assert.Equal(TimeSpan.FromSeconds(30), CallbackSender.DelayBefore(2, TimeSpan.FromHours(2), options));
    }

    [Fact]
    public void Retry_after_is_read_as_seconds_or_as_a_date()
    {
        DateTimeOffset now = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter.Read(Answer(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7))).Headers, now));
        Assert.Equal(TimeSpan.FromSeconds(20), RetryAfter.Read(Answer(new RetryConditionHeaderValue(now.AddSeconds(20))).Headers, now));
        Assert.Equal(TimeSpan.Zero, RetryAfter.Read(Answer(new RetryConditionHeaderValue(now.AddSeconds(-20))).Headers, now));
        Assert.Null(RetryAfter.Read(Answer(null).Headers, now));

        static HttpResponseMessage Answer(RetryConditionHeaderValue? retryAfter) => new(System.Net.HttpStatusCode.ServiceUnavailable) { Headers = { RetryAfter = retryAfter } };
    }

    private string HookUrl() => new Uri(_receiver.BaseUrl, "hook").ToString();

    private static CallbackSender Sender(Action<NotificationOptions>? configure = null, FakeHostResolver? resolver = null)
    {
        var options = new NotificationOptions
        {
            SigningSecret = Secret,
            AllowLoopbackHttp = true,
            FirstRetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
            RequestTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        IOptions<NotificationOptions> wrapped = Options.Create(options);
        var policy = new CallbackUrlPolicy(wrapped, resolver ?? new FakeHostResolver());
        return new CallbackSender(wrapped, policy, TimeProvider.System, NullLogger<CallbackSender>.Instance);
    }
}
