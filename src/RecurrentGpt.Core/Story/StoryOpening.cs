namespace RecurrentGpt.Core.Story;

/// <summary>The initialisation call's result: everything the recurrence needs to take its first step.</summary>
public sealed record StoryOpening(
    string Title,
    string Outline,
    IReadOnlyList<string> Paragraphs,
    string ShortTermMemory,
    IReadOnlyList<string> Plans);
