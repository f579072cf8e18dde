using RecurrentGpt.Core.Writing;

namespace RecurrentGpt.Core.Story;

/// <summary>Blob <c>{storyId}/steps/opening.json</c>: the initialisation call's record, the opening's audit trail and provenance.</summary>
public sealed record OpeningRecord(
    string StoryId,
    Premise Premise,
    IReadOnlyList<ModelExchange> Exchanges,
    StoryOpening Opening,
    string MemoryAfter,
    MemoryBounding Bounding,
    DateTimeOffset WrittenAt);
