namespace RecurrentGpt.Bench.Retrieval;

/// <summary>Summary statistics of a list of durations in milliseconds.</summary>
internal static class Timings
{
    public static double Median(IReadOnlyList<double> milliseconds) => Percentile(milliseconds, 0.50);

    public static double P95(IReadOnlyList<double> milliseconds) => Percentile(milliseconds, 0.95);

    // Nearest-rank percentile: always a measured value, never an interpolation.
    private static double Percentile(IReadOnlyList<double> milliseconds, double fraction)
    {
        double[] sorted = [.. milliseconds.Order()];
        int rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
