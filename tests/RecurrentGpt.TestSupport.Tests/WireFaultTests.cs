using System.Net;

namespace RecurrentGpt.TestSupport.Tests;

/// <summary>Transport faults as a plain HTTP client meets them on the wire.</summary>
public sealed class WireFaultTests
{
    [Fact]
    public async Task Rate_limit_answers_429_with_retry_after_in_seconds()
    {
        await using FaultServer faults = await FaultServer.StartAsync(
            new FaultPlan(seed: 1, rate: 1) { Kinds = new HashSet<FaultKind> { FaultKind.RateLimited }, RetryAfter = TimeSpan.FromMilliseconds(1500) });
        using CancellationTokenSource deadline = FaultServer.StartDeadline();

        using HttpResponseMessage response = await faults.PostAsync(CannedAnswers.RequestBody(CannedAnswers.Step), deadline.Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        Assert.Contains("rate_limit_error", await response.Content.ReadAsStringAsync(deadline.Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limit_in_milliseconds_answers_429_with_only_retry_after_ms()
    {
        await using FaultServer faults = await FaultServer.StartAsync(
            new FaultPlan(seed: 1, rate: 1) { Kinds = new HashSet<FaultKind> { FaultKind.RateLimitedInMilliseconds }, RetryAfter = TimeSpan.FromMilliseconds(250) });
        using CancellationTokenSource deadline = FaultServer.StartDeadline();

        using HttpResponseMessage response = await faults.PostAsync(CannedAnswers.RequestBody(CannedAnswers.Step), deadline.Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("250", Assert.Single(response.Headers.GetValues("retry-after-ms")));
        Assert.Null(response.Headers.RetryAfter);
    }

    [Theory]
    [InlineData(FaultKind.ServerError, HttpStatusCode.InternalServerError)]
    [InlineData(FaultKind.ServiceUnavailable, HttpStatusCode.ServiceUnavailable)]
    public async Task Server_faults_answer_their_status_with_an_error_body(FaultKind kind, HttpStatusCode status)
    {
        await using FaultServer faults = await FaultServer.AlwaysAsync(kind);
        using CancellationTokenSource deadline = FaultServer.StartDeadline();

        using HttpResponseMessage response = await faults.PostAsync(CannedAnswers.RequestBody(CannedAnswers.Step), deadline.Token);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains("injected", await response.Content.ReadAsStringAsync(deadline.Token), StringComparison.Ordinal);
        Assert.Equal(1, faults.Faults.Counts[kind]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cut_connection_sends_the_headers_then_breaks_off_the_body(bool stream)
    {
        await using FaultServer faults = await FaultServer.AlwaysAsync(FaultKind.ConnectionCut);
        using CancellationTokenSource deadline = FaultServer.StartDeadline();

        using HttpResponseMessage response = await faults.PostAsync(
            CannedAnswers.RequestBody(CannedAnswers.Step, stream), deadline.Token, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 0);
        HttpRequestException broken = await Assert.ThrowsAsync<HttpRequestException>(() => response.Content.ReadAsStringAsync(deadline.Token));
        Assert.IsAssignableFrom<IOException>(broken.InnerException);
    }

    [Fact]
    public async Task Cut_connection_fails_a_client_that_reads_the_whole_answer()
    {
        await using FaultServer faults = await FaultServer.AlwaysAsync(FaultKind.ConnectionCut);
        using CancellationTokenSource deadline = FaultServer.StartDeadline();

        await Assert.ThrowsAsync<HttpRequestException>(() => faults.PostAsync(CannedAnswers.RequestBody(CannedAnswers.Step), deadline.Token));
        Assert.Equal(1, faults.Faults.Counts[FaultKind.ConnectionCut]);
    }

    [Fact]
    public async Task Slow_answer_outlasts_a_client_timeout_shorter_than_the_delay()
    {
        var plan = new FaultPlan(seed: 1, rate: 1) { Kinds = new HashSet<FaultKind> { FaultKind.SlowerThanTimeout }, SlowAnswerDelay = TimeSpan.FromSeconds(10) };
        await using FaultServer faults = await FaultServer.StartAsync(plan, clientTimeout: TimeSpan.FromMilliseconds(300));
        using CancellationTokenSource deadline = FaultServer.StartDeadline();

        TaskCanceledException timedOut = await Assert.ThrowsAsync<TaskCanceledException>(
            () => faults.PostAsync(CannedAnswers.RequestBody(CannedAnswers.Step), deadline.Token));

        Assert.IsType<TimeoutException>(timedOut.InnerException);
    }

    [Fact]
    public async Task Slow_answer_is_the_well_formed_answer_once_the_delay_is_over()
    {
        var plan = new FaultPlan(seed: 1, rate: 1) { Kinds = new HashSet<FaultKind> { FaultKind.SlowerThanTimeout }, SlowAnswerDelay = TimeSpan.FromMilliseconds(300) };
        await using FaultServer faults = await FaultServer.StartAsync(plan);
        using CancellationTokenSource deadline = FaultServer.StartDeadline();
        long started = System.Diagnostics.Stopwatch.GetTimestamp();

        string content = await faults.ContentAsync(CannedAnswers.Step, deadline.Token);

        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(300));
        Assert.Equal(CannedAnswers.Json(CannedAnswers.Step), content);
    }
}
