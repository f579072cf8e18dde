using RecurrentGpt.Core.Writing;

namespace RecurrentGpt.Core.Story;

/// <summary>Who wrote a paragraph's current text.</summary>
public enum ParagraphAuthor
{
    Model,
    Human,
}

/// <summary>A paragraph's text with the blob metadata kept beside it.</summary>
public sealed record StoredParagraph(int Index, string Text, int Step, int Revision, ParagraphAuthor Author);

/// <summary>Row <c>paragraph-{index:D6}</c>: where the paragraph lives, its embedding (made once, at commit) and its long-term memory summary.</summary>
public sealed record ParagraphEntry(int Index, string BlobName, float[] Embedding, int WordCount, string Summary, int Step, int Revision, ParagraphAuthor Author);

/// <summary>Row <c>snapshot-{step:D6}</c>: memory and plans as they were after a step, so any step can be restored.</summary>
public sealed record MemorySnapshot(int Step, string Outline, string ShortTermMemory, IReadOnlyList<string> Plans, int? RecommendedPlan, int ParagraphCount);

/// <summary>How a plan was chosen.</summary>
public enum PlanChoiceSource
{
    /// <summary>The writer picked one of the three plans unchanged.</summary>
    Picked,

    /// <summary>The writer edited one of the plans.</summary>
    Edited,

    /// <summary>The writer wrote a plan of their own.</summary>
    Own,

    /// <summary>Auto mode: the plan the step call recommended.</summary>
    Recommended,

    /// <summary>The human simulator picked and refined a plan.</summary>
    Simulator,
}

/// <summary>Row <c>choice-{step:D6}</c>: the plan chosen for a step. The first choice recorded for a step wins.</summary>
public sealed record PlanChoice(int Step, string Plan, PlanChoiceSource Source, int? PlanIndex, DateTimeOffset RecordedAt);

/// <summary>Blob <c>{storyId}/steps/{step:D6}.json</c>: the full record of one step, its audit trail and provenance.</summary>
public sealed record StepRecord(
    string StoryId,
    int Step,
    StepRequest Inputs,
    IReadOnlyList<ModelExchange> Exchanges,
    StepDraft Draft,
    string MemoryAfter,
    MemoryBounding Bounding,
    DateTimeOffset WrittenAt);

/// <summary>Blob <c>{storyId}/steps/opening.json</c>: the initialisation call's record, the opening's audit trail and provenance.</summary>
public sealed record OpeningRecord(
    string StoryId,
    Premise Premise,
    IReadOnlyList<ModelExchange> Exchanges,
    StoryOpening Opening,
    string MemoryAfter,
    MemoryBounding Bounding,
    DateTimeOffset WrittenAt);

/// <summary>Time-driven work the scheduler sweep performs.</summary>
public enum DueWorkKind
{
    /// <summary>An interactive wait reaches its deadline.</summary>
    ChoiceDeadline,

    /// <summary>A recorded choice not yet consumed: ring the doorbell again.</summary>
    ChoiceDoorbell,

    /// <summary>A serial's next episode is due.</summary>
    Episode,
}

/// <summary>An entry of the due-work index (table DueWork), keyed by due time so the sweep reads only what is due.</summary>
public sealed record DueWork(DateTimeOffset DueAt, string StoryId, DueWorkKind Kind, int Step);

/// <summary>A story in the catalogue (table Stories), for listing; for a waiting serial, when its next episode is due.</summary>
public sealed record StorySummary(
    string StoryId,
    string Title,
    StoryStatus Status,
    StoryMode Mode,
    int ParagraphCount,
    int TargetParagraphs,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? NextEpisodeAt = null);
