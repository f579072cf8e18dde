using System.Globalization;

namespace RecurrentGpt.Bench.LocalRuntime;

/// <summary>Median, 90th percentile and worst of a set of timings.</summary>
public sealed record Timings(TimeSpan Median, TimeSpan P90, TimeSpan Max, int Count)
{
    public static Timings Of(IEnumerable<TimeSpan> samples)
    {
        TimeSpan[] sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("no samples", nameof(samples));
        }

        return new Timings(sorted[sorted.Length / 2], sorted[(int)Math.Ceiling(sorted.Length * 0.9) - 1], sorted[^1], sorted.Length);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"median {Median.TotalMilliseconds:F0} ms, p90 {P90.TotalMilliseconds:F0} ms, max {Max.TotalMilliseconds:F0} ms (n={Count})");
}
