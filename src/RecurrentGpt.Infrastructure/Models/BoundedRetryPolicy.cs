using System.ClientModel.Primitives;

namespace RecurrentGpt.Infrastructure.Models;

/// <summary>
/// The SDK's retry policy (which already waits out <c>Retry-After</c>, in seconds or as a date, measured against a local server),
/// bounded in time as well as in count: it also honours <c>retry-after-ms</c>, which the SDK ignores, and gives up
/// at once when a server asks for a wait longer than <see cref="LongestWait"/>, so a long throttle reaches the
/// workflow's own retry instead of holding an activity for minutes.
/// </summary>
internal sealed class BoundedRetryPolicy(int maxRetries, TimeSpan longestWait) : ClientRetryPolicy(maxRetries)
{
    public static readonly TimeSpan DefaultLongestWait = TimeSpan.FromSeconds(60);

    public TimeSpan LongestWait { get; } = longestWait;

    protected override bool ShouldRetry(PipelineMessage message, Exception? exception) =>
        base.ShouldRetry(message, exception) && !AsksForTooLongAWait(message);

    protected override async ValueTask<bool> ShouldRetryAsync(PipelineMessage message, Exception? exception) =>
        await base.ShouldRetryAsync(message, exception) && !AsksForTooLongAWait(message);

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        TimeSpan backoff = base.GetNextDelay(message, tryCount);
        return ServerRequestedWait(message) is TimeSpan asked && asked > backoff ? asked : backoff;
    }

    private bool AsksForTooLongAWait(PipelineMessage message) => ServerRequestedWait(message) > LongestWait;

    private static TimeSpan? ServerRequestedWait(PipelineMessage message) =>
        message.Response is { } response ? RetryAfter.Read(response.Headers) : null;
}
