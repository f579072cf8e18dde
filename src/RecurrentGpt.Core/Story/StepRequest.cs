using RecurrentGpt.Core.Memory;

namespace RecurrentGpt.Core.Story;

/// <summary>Everything one step reads: the recurrence's inputs, as the writer may have edited them.</summary>
public sealed record StepRequest(
    Premise Premise,
    string Title,
    string Outline,
    int Step,
    string PreviousParagraph,
    ShortTermMemory ShortTermMemory,
    IReadOnlyList<RetrievedMemory> LongTermMemories,
    string ChosenPlan)
{
    /// <summary>1 for a step's first writing; n for the n-th, asked for by a regeneration from the same inputs.</summary>
    public int Take { get; init; } = 1;
}
