using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>
/// Per process, the long-term memory of the most recently used stories. A story's paragraph rows are read in full the
/// first time, then only the rows added since (and rows marked by <see cref="Invalidate"/>), so a step's reads do not
/// grow with the story's length. At most <see cref="Capacity"/> stories are held; the least recently used goes first.
/// </summary>
public sealed class StoryVectorCache
{
    public const int DefaultCapacity = 64;

    private readonly StoryStateStore _store;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<CachedStory>> _stories = new(StringComparer.Ordinal);
    private readonly LinkedList<CachedStory> _recency = new();
    private long _queries;
    private long _rowsRead;

    public StoryVectorCache(StoryStateStore store, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _store = store;
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>Table requests made for paragraph rows since this cache was created.</summary>
    public long ParagraphQueries => Interlocked.Read(ref _queries);

    /// <summary>Paragraph rows those requests returned.</summary>
    public long ParagraphRowsRead => Interlocked.Read(ref _rowsRead);

    public int CachedStories
    {
        get
        {
            lock (_gate)
            {
                return _stories.Count;
            }
        }
    }

    /// <summary>
    /// The story's vectors and summaries for paragraphs 0 to <paramref name="paragraphCount"/> − 1, reading only rows not
    /// held yet. Throws <see cref="InvalidOperationException"/> if some of those rows do not exist.
    /// </summary>
    /// <param name="paragraphEdits">The state row's count of paragraph edits (for a fork, with its ancestors'): when it
    /// differs from what this cache last saw, an edit was made (perhaps by another process) and the story's rows are read afresh.</param>
    public Task<StoryVectors> GetAsync(string storyId, int paragraphCount, CancellationToken cancellationToken, int paragraphEdits = 0) =>
        GetAsync(Lineage.Root(storyId), paragraphCount, cancellationToken, paragraphEdits);

    /// <summary>
    /// The vectors of the story whose line is <paramref name="lineage"/>'s last: each paragraph read from the line that
    /// holds it, so a line the story left (a rewind's discarded branch) is never recalled.
    /// </summary>
    public async Task<StoryVectors> GetAsync(Lineage lineage, int paragraphCount, CancellationToken cancellationToken, int paragraphEdits = 0)
    {
        ArgumentNullException.ThrowIfNull(lineage);
        string storyId = StoryId.Require(lineage.Current.StoryId);
        ArgumentOutOfRangeException.ThrowIfNegative(paragraphCount);
        string lineageKey = KeyOf(lineage);
        CachedStory story = Touch(storyId);
        await story.Refresh.WaitAsync(cancellationToken);
        try
        {
            if (paragraphCount < story.Vectors.Count || paragraphEdits != story.ParagraphEdits || lineageKey != story.LineageKey)
            {
                // The story went back to an earlier step or onto another line (paragraphs it left must not be recalled),
                // or a paragraph was edited somewhere: start over. These are rare, so a full read costs little over a story's life.
                story = Replace(story);
                story.ParagraphEdits = paragraphEdits;
                story.LineageKey = lineageKey;
            }

            await RereadStaleAsync(story.Vectors, lineage, cancellationToken);
            await ReadNewAsync(story.Vectors, lineage, paragraphCount, cancellationToken);
            return story.Vectors;
        }
        finally
        {
            story.Refresh.Release();
        }
    }

    /// <summary>Marks a paragraph whose row changed (an edit wrote a new revision); the next <see cref="GetAsync"/> reads it again.</summary>
    public void Invalidate(string storyId, int paragraphIndex)
    {
        StoryId.Require(storyId);
        ArgumentOutOfRangeException.ThrowIfNegative(paragraphIndex);
        lock (_gate)
        {
            if (_stories.TryGetValue(storyId, out LinkedListNode<CachedStory>? node))
            {
                node.Value.Vectors.MarkStale(paragraphIndex);
            }
        }
    }

    private static string KeyOf(Lineage lineage) =>
        string.Join('|', lineage.Segments.Select(segment => $"{segment.StoryId}/{segment.Branch}/{segment.FirstParagraph}")
            .Concat(lineage.Overrides.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}>{pair.Value.StoryId}")));

    private async Task RereadStaleAsync(StoryVectors vectors, Lineage lineage, CancellationToken cancellationToken)
    {
        foreach (int index in vectors.StaleParagraphs())
        {
            long readMark = vectors.ReadMark;
            Interlocked.Increment(ref _queries);
            ParagraphEntry paragraph = await _store.GetParagraphAsync(lineage.OwnerOfParagraph(index), index, cancellationToken)
                ?? throw new InvalidOperationException($"Story '{vectors.StoryId}': paragraph row {index} is gone.");
            Interlocked.Increment(ref _rowsRead);
            vectors.Apply(paragraph, readMark);
        }
    }

    private async Task ReadNewAsync(StoryVectors vectors, Lineage lineage, int paragraphCount, CancellationToken cancellationToken)
    {
        if (paragraphCount <= vectors.Count)
        {
            return;
        }

        // One range query per line that holds some of the paragraphs not held yet, oldest line first.
        foreach (LineRange range in lineage.Ranges(paragraphCount).Where(range => range.To > vectors.Count))
        {
            long readMark = vectors.ReadMark;
            Interlocked.Increment(ref _queries);
            IReadOnlyList<ParagraphEntry> rows = await _store.GetParagraphsAsync(range.Line, Math.Max(range.From, vectors.Count), range.To, cancellationToken);
            Interlocked.Add(ref _rowsRead, rows.Count);
            foreach (ParagraphEntry row in rows)
            {
                if (row.Index != vectors.Count)
                {
                    break;
                }

                vectors.Apply(row, readMark);
            }

            if (vectors.Count < range.To)
            {
                break;
            }
        }

        if (vectors.Count < paragraphCount)
        {
            throw new InvalidOperationException(
                $"Story '{vectors.StoryId}' has {paragraphCount} paragraphs, but its paragraph rows stop at {vectors.Count}: row {vectors.Count} is missing.");
        }
    }

    private CachedStory Touch(string storyId)
    {
        lock (_gate)
        {
            if (_stories.TryGetValue(storyId, out LinkedListNode<CachedStory>? node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value;
            }

            node = _recency.AddFirst(new CachedStory(new StoryVectors(storyId)));
            _stories[storyId] = node;
            while (_stories.Count > Capacity)
            {
                LinkedListNode<CachedStory> oldest = _recency.Last!;
                _recency.RemoveLast();
                _stories.Remove(oldest.Value.Vectors.StoryId);
            }

            return node.Value;
        }
    }

    /// <summary>Swaps in an empty entry that shares the refresh lock the caller already holds.</summary>
    private CachedStory Replace(CachedStory story)
    {
        var fresh = new CachedStory(new StoryVectors(story.Vectors.StoryId), story.Refresh);
        lock (_gate)
        {
            if (_stories.TryGetValue(story.Vectors.StoryId, out LinkedListNode<CachedStory>? node) && ReferenceEquals(node.Value, story))
            {
                node.Value = fresh;
            }
        }

        return fresh;
    }

    private sealed class CachedStory(StoryVectors vectors, SemaphoreSlim? refresh = null)
    {
        public StoryVectors Vectors { get; } = vectors;

        public SemaphoreSlim Refresh { get; } = refresh ?? new SemaphoreSlim(1, 1);

        public int ParagraphEdits { get; set; }

        /// <summary>The lineage the held vectors were read along: another lineage means other paragraphs.</summary>
        public string LineageKey { get; set; } = string.Empty;
    }
}
