using RecurrentGpt.Core.Memory;

namespace RecurrentGpt.Core.Story;

/// <summary>What the human simulator reads to pick a plan.</summary>
public sealed record PlanChoiceRequest(
    Premise Premise,
    string Outline,
    string LatestParagraph,
    ShortTermMemory ShortTermMemory,
    IReadOnlyList<string> Plans);
