using System.ClientModel.Primitives;
using System.Globalization;
using System.Net.Http.Headers;

namespace RecurrentGpt.Infrastructure.Models;

/// <summary>
/// How long a server asked its client to wait: <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c>, or <c>Retry-After</c> in
/// seconds or as an HTTP date. One reading for the model clients and the callback sender alike.
/// </summary>
public static class RetryAfter
{
    public static TimeSpan? Read(PipelineResponseHeaders headers, TimeProvider? time = null) =>
        Read(name => headers.TryGetValue(name, out string? value) ? value : null, (time ?? TimeProvider.System).GetUtcNow());

    public static TimeSpan? Read(HttpResponseHeaders headers, DateTimeOffset now) =>
        Read(name => headers.TryGetValues(name, out IEnumerable<string>? values) ? values.FirstOrDefault() : null, now);

    /// <param name="header">The value of the named response header, or null when it is absent.</param>
    public static TimeSpan? Read(Func<string, string?> header, DateTimeOffset now)
    {
        foreach (string name in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (double.TryParse(header(name), NumberStyles.Float, CultureInfo.InvariantCulture, out double milliseconds) && milliseconds >= 0)
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        string? value = header("Retry-After");
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
        {
            return seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
        }

        if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at))
        {
            TimeSpan wait = at - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
