using System.Numerics.Tensors;

namespace RecurrentGpt.Core.Retrieval;

/// <summary>
/// Paragraph embeddings of one story in one contiguous block, normalised on insert so cosine similarity
/// is a dot product. Each paragraph is embedded once, when committed; ranking never re-embeds.
/// </summary>
public sealed class VectorIndex
{
    private float[] _vectors;
    private int[] _paragraphs;
    private readonly Dictionary<int, int> _slotOfParagraph = [];

    public VectorIndex(int dimensions, int capacity = 64)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        Dimensions = dimensions;
        _vectors = new float[dimensions * Math.Max(capacity, 1)];
        _paragraphs = new int[Math.Max(capacity, 1)];
    }

    public int Dimensions { get; }

    public int Count { get; private set; }

    /// <summary>Adds or replaces the vector of a paragraph (an edited paragraph is re-embedded once).</summary>
    public void Upsert(int paragraphIndex, ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"Expected a {Dimensions}-dimension vector, got {vector.Length}.", nameof(vector));
        }

        if (!_slotOfParagraph.TryGetValue(paragraphIndex, out int slot))
        {
            EnsureCapacity(Count + 1);
            slot = Count++;
            _slotOfParagraph[paragraphIndex] = slot;
        }

        _paragraphs[slot] = paragraphIndex;
        Span<float> target = _vectors.AsSpan(slot * Dimensions, Dimensions);
        float norm = TensorPrimitives.Norm(vector);
        if (norm == 0)
        {
            target.Clear();
        }
        else
        {
            TensorPrimitives.Divide(vector, norm, target);
        }
    }

    /// <summary>
    /// The <paramref name="k"/> paragraphs most similar to <paramref name="query"/>, best first, leaving out
    /// <paramref name="excludedParagraph"/> (the one already passed as "previous"). Equal scores go to the more recent paragraph.
    /// </summary>
    public IReadOnlyList<VectorMatch> TopK(ReadOnlySpan<float> query, int k, int? excludedParagraph = null)
    {
        if (k <= 0 || Count == 0)
        {
            return [];
        }

        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"Expected a {Dimensions}-dimension query, got {query.Length}.", nameof(query));
        }

        float queryNorm = TensorPrimitives.Norm(query);
        float scale = queryNorm == 0 ? 0 : 1 / queryNorm;
        var best = new List<VectorMatch>(k + 1);
        for (int slot = 0; slot < Count; slot++)
        {
            int paragraph = _paragraphs[slot];
            if (paragraph == excludedParagraph)
            {
                continue;
            }

            var candidate = new VectorMatch(paragraph, TensorPrimitives.Dot(query, _vectors.AsSpan(slot * Dimensions, Dimensions)) * scale);
            if (best.Count == k && !Ranks(candidate, best[^1]))
            {
                continue;
            }

            int position = best.Count;
            while (position > 0 && Ranks(candidate, best[position - 1]))
            {
                position--;
            }

            best.Insert(position, candidate);
            if (best.Count > k)
            {
                best.RemoveAt(k);
            }
        }

        return best;
    }

    private static bool Ranks(VectorMatch candidate, VectorMatch other) =>
        candidate.Score > other.Score || (candidate.Score == other.Score && candidate.ParagraphIndex > other.ParagraphIndex);

    private void EnsureCapacity(int needed)
    {
        if (needed <= _paragraphs.Length)
        {
            return;
        }

        int capacity = Math.Max(needed, _paragraphs.Length * 2);
        Array.Resize(ref _paragraphs, capacity);
        Array.Resize(ref _vectors, capacity * Dimensions);
    }
}
