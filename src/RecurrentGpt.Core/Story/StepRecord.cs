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
    DateTimeOffset WrittenAt)
{
    /// <summary>
    /// What choosing this step's plan cost, when a model chose it (the human simulator), copied from the choice: the
    /// story's token totals are the opening's and each record's, this included, and nothing else.
    /// </summary>
    public TokenUsage? ChoiceUsage { get; init; }

    /// <summary>The step's whole cost: its own calls and its choice's.</summary>
    public TokenUsage Usage => ChoiceUsage is null ? TokenUsage.Of(Exchanges) : TokenUsage.Of(Exchanges).Add(ChoiceUsage);
}
