using RecurrentGpt.Core.Writing;

namespace RecurrentGpt.Core.Story;

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
