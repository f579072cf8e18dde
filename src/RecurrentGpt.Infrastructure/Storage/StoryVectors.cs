using RecurrentGpt.Core.Retrieval;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>
/// One story's paragraph embeddings and summaries as held by <see cref="StoryVectorCache"/>: the long-term memory a step
/// recalls from. Safe to use from several threads; a later refresh may add paragraphs to it.
/// </summary>
public sealed class StoryVectors
{
    private readonly Lock _sync = new();
    private readonly List<string> _summaries = [];
    private readonly List<int> _revisions = [];

    // Paragraph index → the mark that made it stale. A read clears only marks older than the read, so an edit that
    // lands while its row is being read is read again next time.
    private readonly Dictionary<int, long> _stale = [];
    private long _marks;
    private VectorIndex? _index;

    internal StoryVectors(string storyId) => StoryId = storyId;

    public string StoryId { get; }

    /// <summary>Paragraphs held: indexes 0 to Count − 1.</summary>
    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _summaries.Count;
            }
        }
    }

    public string SummaryOf(int paragraphIndex)
    {
        lock (_sync)
        {
            return _summaries[paragraphIndex];
        }
    }

    public int RevisionOf(int paragraphIndex)
    {
        lock (_sync)
        {
            return _revisions[paragraphIndex];
        }
    }

    /// <summary>
    /// The <paramref name="k"/> paragraphs most similar to <paramref name="query"/>, best first, with their summaries (no full
    /// text), leaving out <paramref name="excludedParagraph"/>.
    /// </summary>
    public IReadOnlyList<RetrievedMemory> Recall(ReadOnlySpan<float> query, int k, int? excludedParagraph = null)
    {
        lock (_sync)
        {
            if (_index is null)
            {
                return [];
            }

            return _index.TopK(query, k, excludedParagraph)
                .Select(match => new RetrievedMemory(match.ParagraphIndex, _summaries[match.ParagraphIndex], null, match.Score))
                .ToList();
        }
    }

    /// <summary>Marks a paragraph whose row must be read again (an edit wrote a new revision).</summary>
    internal void MarkStale(int paragraphIndex)
    {
        lock (_sync)
        {
            _stale[paragraphIndex] = ++_marks;
        }
    }

    /// <summary>Taken before a read starts and passed to <see cref="Apply"/> with what it read.</summary>
    internal long ReadMark
    {
        get
        {
            lock (_sync)
            {
                return _marks;
            }
        }
    }

    /// <summary>Held paragraphs marked stale, in index order.</summary>
    internal IReadOnlyList<int> StaleParagraphs()
    {
        lock (_sync)
        {
            return _stale.Keys.Where(index => index < _summaries.Count).Order().ToList();
        }
    }

    /// <summary>
    /// Appends the next paragraph (its index must be <see cref="Count"/>) or replaces one already held, and clears any stale
    /// mark made before <paramref name="readMark"/>.
    /// </summary>
    internal void Apply(ParagraphEntry paragraph, long readMark)
    {
        lock (_sync)
        {
            if (_stale.TryGetValue(paragraph.Index, out long mark) && mark <= readMark)
            {
                _stale.Remove(paragraph.Index);
            }

            if (paragraph.Index > _summaries.Count)
            {
                throw new InvalidOperationException(
                    $"Story '{StoryId}': paragraph row {paragraph.Index} arrived before row {_summaries.Count}; rows must be applied in order.");
            }

            _index ??= new VectorIndex(paragraph.Embedding.Length);
            _index.Upsert(paragraph.Index, paragraph.Embedding);
            if (paragraph.Index == _summaries.Count)
            {
                _summaries.Add(paragraph.Summary);
                _revisions.Add(paragraph.Revision);
            }
            else
            {
                _summaries[paragraph.Index] = paragraph.Summary;
                _revisions[paragraph.Index] = paragraph.Revision;
            }
        }
    }
}
