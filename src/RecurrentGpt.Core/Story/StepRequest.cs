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
    string ChosenPlan);
