using System.Diagnostics;
using System.Numerics.Tensors;
using System.Text;
using RecurrentGpt.Core.Retrieval;

namespace RecurrentGpt.Bench.Retrieval;

internal sealed record TopKRun(int Vectors, int TimedQueries);

/// <summary>Top-3 queries against an index of random unit vectors the size of MiniLM's (384 dimensions).</summary>
internal static class TopKBenchmark
{
    private const int Dimensions = 384;
    private const int K = 3;
    private const int WarmUpQueries = 20;

    public static string Run(IEnumerable<TopKRun> runs)
    {
        var table = new StringBuilder()
            .AppendLine($"Top-{K} retrieval, {Dimensions}-d random unit vectors (seeded), excluding the most recent paragraph:")
            .AppendLine()
            .AppendLine("| vectors | timed queries | median ms | p95 ms | index memory MB | of which vector data MB |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (TopKRun run in runs)
        {
            (double medianMs, double p95Ms, double memoryMb) = Measure(run);
            double vectorDataMb = run.Vectors * Dimensions * sizeof(float) / (1024.0 * 1024.0);
            table.AppendLine($"| {run.Vectors:N0} | {run.TimedQueries} | {medianMs:F2} | {p95Ms:F2} | {memoryMb:F1} | {vectorDataMb:F1} |");
        }

        return table.ToString();
    }

    private static (double MedianMs, double P95Ms, double MemoryMb) Measure(TopKRun run)
    {
        var random = new Random(run.Vectors);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        VectorIndex index = Fill(random, run.Vectors);
        double memoryMb = (GC.GetTotalMemory(forceFullCollection: true) - before) / (1024.0 * 1024.0);

        float[][] queries = Enumerable.Range(0, WarmUpQueries + run.TimedQueries).Select(_ => UnitVector(random)).ToArray();
        int previousParagraph = run.Vectors - 1;
        var elapsed = new List<double>(run.TimedQueries);
        for (int q = 0; q < queries.Length; q++)
        {
            long start = Stopwatch.GetTimestamp();
            IReadOnlyList<VectorMatch> matches = index.TopK(queries[q], K, previousParagraph);
            TimeSpan took = Stopwatch.GetElapsedTime(start);
            if (matches.Count != K)
            {
                throw new InvalidOperationException($"Expected {K} matches, got {matches.Count}.");
            }

            if (q >= WarmUpQueries)
            {
                elapsed.Add(took.TotalMilliseconds);
            }
        }

        GC.KeepAlive(index);
        return (Timings.Median(elapsed), Timings.P95(elapsed), memoryMb);
    }

    // Paragraphs arrive one at a time, as in a story, so the index grows by its own policy.
    private static VectorIndex Fill(Random random, int count)
    {
        var index = new VectorIndex(Dimensions);
        var vector = new float[Dimensions];
        for (int paragraph = 0; paragraph < count; paragraph++)
        {
            FillUnit(random, vector);
            index.Upsert(paragraph, vector);
        }

        return index;
    }

    private static float[] UnitVector(Random random)
    {
        var vector = new float[Dimensions];
        FillUnit(random, vector);
        return vector;
    }

    private static void FillUnit(Random random, float[] vector)
    {
        for (int i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)(random.NextDouble() * 2 - 1);
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
    }
}
