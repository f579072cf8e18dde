using RecurrentGpt.Core.Memory;

namespace RecurrentGpt.Core.Story;

/// <summary>One step call's parsed output, before the memory update is applied.</summary>
/// <param name="Summary">A one- or two-sentence summary kept as the paragraph's long-term memory entry.</param>
/// <param name="RecommendedPlan">1-based index of the plan the model rates best; only asked for in auto mode.</param>
public sealed record StepDraft(
    string Paragraph,
    string Summary,
    MemoryUpdate MemoryUpdate,
    IReadOnlyList<string> Plans,
    int? RecommendedPlan);
