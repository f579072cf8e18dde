using System.ClientModel.Primitives;
using System.Globalization;

namespace RecurrentGpt.Infrastructure.Models;

/// <summary>Reads how long a server asked the client to wait: <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c> or <c>Retry-After</c>.</summary>
internal static class RetryAfter
{
    public static TimeSpan? Read(PipelineResponseHeaders headers, TimeProvider? time = null)
    {
        foreach (string name in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (headers.TryGetValue(name, out string? ms)
                && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out double milliseconds)
                && milliseconds >= 0)
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        if (!headers.TryGetValue("Retry-After", out string? value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
        {
            return seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
        }

        if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at))
        {
            TimeSpan wait = at - (time ?? TimeProvider.System).GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
