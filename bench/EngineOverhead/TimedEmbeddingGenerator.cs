using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace RecurrentGpt.Bench.EngineOverhead;

/// <summary>
/// Embeddings for the benchmark, timed: the local MiniLM model as rgpt uses it, or — standing in for a remote embedding
/// service such as Azure OpenAI — a fixed answer time with a vector derived from the text.
/// </summary>
internal sealed class TimedEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>>? local, TimeSpan remoteAnswerTime) : IEmbeddingGenerator<string, Embedding<float>>
{
    private long _ticks;

    public TimeSpan Time => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        long start = Stopwatch.GetTimestamp();
        GeneratedEmbeddings<Embedding<float>> result;
        if (local is not null)
        {
            result = await local.GenerateAsync(values, options, cancellationToken);
        }
        else
        {
            await Task.Delay(remoteAnswerTime, cancellationToken);
            result = new GeneratedEmbeddings<Embedding<float>>(values.Select(Derive));
        }

        Interlocked.Add(ref _ticks, Stopwatch.GetElapsedTime(start).Ticks);
        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    // A stable 384-d vector from the words of the text, so similar texts still share dimensions.
    private static Embedding<float> Derive(string text)
    {
        var vector = new float[384];
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            vector[(int)((uint)StringComparer.Ordinal.GetHashCode(word.ToLowerInvariant()) % 384)] += 1;
        }

        return new Embedding<float>(vector);
    }
}
