using System.Diagnostics;
using System.Text;
using RecurrentGpt.Infrastructure.Embeddings;

namespace RecurrentGpt.Bench.Retrieval;

/// <summary>Model load time and per-paragraph embedding time of the local MiniLM generator.</summary>
internal static class MiniLmBenchmark
{
    private static readonly string[] Words =
    [
        "the", "captain", "walked", "along", "harbour", "wall", "while", "gulls", "circled", "over", "grey", "water",
        "she", "remembered", "her", "brother", "letter", "and", "storm", "that", "broke", "mast", "crew", "whispered",
        "about", "lighthouse", "beyond", "reef", "where", "lamp", "still", "burned", "beneath", "waves", "navigator",
        "copied", "charts", "by", "candlelight", "in", "hold", "old", "cook", "fell", "ill", "with", "fever", "boy",
        "carried", "broth", "across", "deck", "at", "dawn", "island", "market", "traded", "pepper", "for", "rope",
    ];

    public static async Task<string> RunAsync(int paragraphs, int wordsPerParagraph)
    {
        string[] texts = StoryLikeParagraphs(new Random(17), paragraphs, wordsPerParagraph);
        using var generator = new MiniLmEmbeddingGenerator();

        long loadStart = Stopwatch.GetTimestamp();
        await generator.WarmUpAsync();
        double loadMs = Stopwatch.GetElapsedTime(loadStart).TotalMilliseconds;

        long firstStart = Stopwatch.GetTimestamp();
        await generator.GenerateAsync([texts[0]]);
        double firstMs = Stopwatch.GetElapsedTime(firstStart).TotalMilliseconds;

        // One call per paragraph, as CommitStep embeds each paragraph once when it is written.
        var single = new List<double>(texts.Length);
        foreach (string text in texts)
        {
            long start = Stopwatch.GetTimestamp();
            await generator.GenerateAsync([text]);
            single.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        long batchStart = Stopwatch.GetTimestamp();
        await generator.GenerateAsync(texts);
        double batchPerParagraphMs = Stopwatch.GetElapsedTime(batchStart).TotalMilliseconds / texts.Length;

        return new StringBuilder()
            .AppendLine($"MiniLM ({MiniLmEmbeddingGenerator.ModelId}, {MiniLmEmbeddingGenerator.Dimensions}-d), {texts.Length} paragraphs of {wordsPerParagraph} words:")
            .AppendLine()
            .AppendLine("| measure | ms |")
            .AppendLine("|---|---:|")
            .AppendLine($"| model load | {loadMs:F0} |")
            .AppendLine($"| first embedding after load | {firstMs:F1} |")
            .AppendLine($"| one paragraph per call, median | {Timings.Median(single):F1} |")
            .AppendLine($"| one paragraph per call, p95 | {Timings.P95(single):F1} |")
            .AppendLine($"| all {texts.Length} in one call, per paragraph | {batchPerParagraphMs:F1} |")
            .ToString();
    }

    private static string[] StoryLikeParagraphs(Random random, int count, int words) =>
        Enumerable.Range(0, count)
            .Select(_ => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)])) + ".")
            .ToArray();
}
