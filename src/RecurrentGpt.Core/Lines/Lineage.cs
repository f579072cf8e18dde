namespace RecurrentGpt.Core.Lines;

/// <summary>
/// A story's text as the lines that hold it, oldest first: each segment holds the paragraphs and steps from its start up
/// to where the next one starts, and the last one holds the rest. A fork's lineage begins with its parent's; a rewound
/// story's ends in a new line that begins after the step it was rewound to. Nothing is copied: a paragraph is read from
/// the line that holds it, or from the line of a fork's own version of it (<see cref="WithOverrides"/>).
/// </summary>
public sealed record Lineage
{
    /// <summary>Deep forks of forks stay readable, and a lineage stays small in the state row.</summary>
    public const int MaxSegments = 64;

    public Lineage(IReadOnlyList<LineSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Count is 0 or > MaxSegments)
        {
            throw new ArgumentException($"a lineage has 1 to {MaxSegments} segments", nameof(segments));
        }

        if (segments[0] is not { FirstParagraph: 0, FirstStep: 0 })
        {
            throw new ArgumentException("a lineage begins with the opening: paragraph 0, step 0", nameof(segments));
        }

        for (int i = 1; i < segments.Count; i++)
        {
            if (segments[i].FirstParagraph < segments[i - 1].FirstParagraph || segments[i].FirstStep <= segments[i - 1].FirstStep)
            {
                throw new ArgumentException("a lineage's segments begin at later steps, in order", nameof(segments));
            }
        }

        Segments = segments;
    }

    private Lineage(IReadOnlyList<LineSegment> segments, IReadOnlyDictionary<int, LineRef> overrides)
        : this(segments) => Overrides = overrides;

    public IReadOnlyList<LineSegment> Segments { get; }

    /// <summary>Paragraph index → the line holding the version read instead of the segment's own. Not stored with the segments.</summary>
    public IReadOnlyDictionary<int, LineRef> Overrides { get; } = new Dictionary<int, LineRef>();

    /// <summary>The line the story writes to now.</summary>
    public LineSegment Current => Segments[^1];

    public static Lineage Root(string storyId) => new([new LineSegment(storyId, 0, 0, 0)]);

    /// <summary>The line paragraph <paramref name="index"/> is read from: an override's line, or the segment's that wrote it.</summary>
    public LineRef OwnerOfParagraph(int index) =>
        Overrides.TryGetValue(index, out LineRef holder) ? holder : BaseOwnerOfParagraph(index);

    /// <summary>The line that wrote paragraph <paramref name="index"/>, whatever overrides it.</summary>
    public LineRef BaseOwnerOfParagraph(int index)
    {
        for (int i = Segments.Count - 1; i > 0; i--)
        {
            if (index >= Segments[i].FirstParagraph)
            {
                return Segments[i].Line;
            }
        }

        return Segments[0].Line;
    }

    /// <summary>The line that holds step <paramref name="step"/>'s record, snapshot and choice (step 0: the opening's).</summary>
    public LineRef OwnerOfStep(int step)
    {
        for (int i = Segments.Count - 1; i > 0; i--)
        {
            if (step >= Segments[i].FirstStep)
            {
                return Segments[i].Line;
            }
        }

        return Segments[0].Line;
    }

    /// <summary>
    /// Each line's stretch of the first <paramref name="paragraphCount"/> paragraphs: the ranges a reader of the whole text
    /// (an export, recall) reads from each line.
    /// </summary>
    public IReadOnlyList<LineRange> Ranges(int paragraphCount)
    {
        var ranges = new List<LineRange>(Segments.Count);
        for (int i = 0; i < Segments.Count; i++)
        {
            int from = Segments[i].FirstParagraph;
            int to = i + 1 < Segments.Count ? Math.Min(Segments[i + 1].FirstParagraph, paragraphCount) : paragraphCount;
            // An overridden paragraph is a range of its own, read from the override's line.
            foreach (int overridden in Overrides.Keys.Where(index => index >= from && index < to).Order())
            {
                if (overridden > from)
                {
                    ranges.Add(new LineRange(Segments[i].Line, from, overridden));
                }

                ranges.Add(new LineRange(Overrides[overridden], overridden, overridden + 1));
                from = overridden + 1;
            }

            if (to > from)
            {
                ranges.Add(new LineRange(Segments[i].Line, from, to));
            }
        }

        return ranges;
    }

    /// <summary>
    /// This lineage reading each override's version instead of the paragraph it replaces. <paramref name="candidates"/>
    /// come nearest first (the story's own, then its parent's, and so on): the first for a paragraph stands, and one
    /// made for a paragraph this lineage reads from another line (it went its own way there) does not apply.
    /// </summary>
    public Lineage WithOverrides(IEnumerable<(ParagraphOverride Override, string Holder)> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var overrides = new Dictionary<int, LineRef>(Overrides);
        foreach ((ParagraphOverride candidate, string holder) in candidates)
        {
            if (!overrides.ContainsKey(candidate.Index) && BaseOwnerOfParagraph(candidate.Index) == candidate.Owner)
            {
                overrides[candidate.Index] = LineRef.Overrides(holder);
            }
        }

        return overrides.Count == Overrides.Count ? this : new Lineage(Segments, overrides);
    }

    /// <summary>
    /// The first step and paragraph at which this lineage's text is no longer <paramref name="other"/>'s: where a branch
    /// leaves the story. Null when both are the same lineage.
    /// </summary>
    public (int FirstStep, int FirstParagraph)? FirstDifference(Lineage other)
    {
        ArgumentNullException.ThrowIfNull(other);
        int i = 0;
        while (i < Segments.Count && i < other.Segments.Count && Segments[i] == other.Segments[i])
        {
            i++;
        }

        if (i == Segments.Count && i == other.Segments.Count)
        {
            return null;
        }

        // The lineage whose next line begins first is the one that leaves the shared text there.
        LineSegment leaving = i >= other.Segments.Count || (i < Segments.Count && Segments[i].FirstStep <= other.Segments[i].FirstStep)
            ? Segments[i]
            : other.Segments[i];
        return (leaving.FirstStep, leaving.FirstParagraph);
    }

    /// <summary>
    /// The lineage of a line that goes on from step <paramref name="step"/> (when the story had
    /// <paramref name="paragraphCount"/> paragraphs): everything up to that step as it is, then <paramref name="line"/>.
    /// Segments that begin after the step drop out, so a rewind does not lengthen the chain.
    /// </summary>
    public Lineage ContinuedAfter(int step, int paragraphCount, LineRef line)
    {
        var kept = Segments.Where(segment => segment.FirstStep <= step).ToList();
        if (kept.Count >= MaxSegments)
        {
            throw new InvalidOperationException($"a story can be forked and rewound at most {MaxSegments - 1} lines deep");
        }

        kept.Add(new LineSegment(line.StoryId, line.Branch, paragraphCount, step + 1));
        return new Lineage(kept);
    }
}
