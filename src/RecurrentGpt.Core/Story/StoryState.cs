using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Writing;

namespace RecurrentGpt.Core.Story;

/// <summary>
/// The story's current state: the row <c>state</c> of its partition in table StoryMemory, guarded by ETag.
/// What a writer edits here (memory, plans, outline) is what the next step reads.
/// </summary>
public sealed record StoryState
{
    public required string StoryId { get; init; }

    public required Premise Premise { get; init; }

    public StoryMode Mode { get; init; } = StoryMode.Auto;

    public StoryStatus Status { get; init; } = StoryStatus.Created;

    public TimeoutPolicy TimeoutPolicy { get; init; } = TimeoutPolicy.KeepWaiting;

    /// <summary>How long an interactive wait may last before <see cref="TimeoutPolicy"/> applies; null for no deadline.</summary>
    public TimeSpan? ChoiceTimeout { get; init; }

    public int TargetParagraphs { get; init; } = 8;

    /// <summary>Set for a serial: the story is written in episodes on this schedule.</summary>
    public SerialSchedule? Serial { get; init; }

    /// <summary>A serial's episodes published so far.</summary>
    public int Episode { get; init; }

    /// <summary>When a waiting serial's next episode is due; null while an episode is being written, and for other stories.</summary>
    public DateTimeOffset? NextEpisodeAt { get; init; }

    /// <summary>Where signed notifications about this story are posted; null for none. Validated when the story is created.</summary>
    public string? CallbackUrl { get; init; }

    public WriterSettings Settings { get; init; } = WriterSettings.Default;

    public string Title { get; init; } = string.Empty;

    public string Outline { get; init; } = string.Empty;

    public string ShortTermMemory { get; init; } = string.Empty;

    /// <summary>The three plans proposed for the next step.</summary>
    public IReadOnlyList<string> Plans { get; init; } = [];

    public int? RecommendedPlan { get; init; }

    /// <summary>Steps committed after the opening; the next step to write is <c>Step + 1</c>.</summary>
    public int Step { get; init; }

    public int ParagraphCount { get; init; }

    /// <summary>How many times a writer has edited a committed paragraph: tells every process's vector cache to re-read.</summary>
    public int ParagraphEdits { get; init; }

    public string? AttentionReason { get; init; }

    public string ModelId { get; init; } = string.Empty;

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The lines the story's text is read from, oldest first; null for a story that never left its first line (then its
    /// text is all in branch 0: see <see cref="Lines"/>).
    /// </summary>
    public Lineage? Lineage { get; init; }

    /// <summary>The branch number the next rewind or regeneration gives its new line.</summary>
    public int NextBranch { get; init; } = 1;

    /// <summary>
    /// Counts the times the story moved to another line (rewind, restore): work begun for an earlier generation stops
    /// instead of writing into the line the story is on now.
    /// </summary>
    public int Generation { get; init; }

    /// <summary>Set for a fork: the story and step it was forked from, and the chain above it.</summary>
    public ForkOrigin? Fork { get; init; }

    /// <summary>A fork's own versions of paragraphs it inherited, oldest first (at most <see cref="StoryLimits.MaxOverrides"/>).</summary>
    public IReadOnlyList<ParagraphOverride> Overrides { get; init; } = [];

    public bool IsOpened => ParagraphCount > 0;

    /// <summary>The story's lineage, the single root line when it never branched.</summary>
    public Lineage Lines => Lineage ?? Core.Lines.Lineage.Root(StoryId);

    /// <summary>The line the next step is written to.</summary>
    public LineRef CurrentLine => Lines.Current.Line;
}
