namespace RecurrentGpt.Core.Story;

/// <summary>Row <c>snapshot-{step:D6}</c>: memory and plans as they were after a step, so any step can be restored.</summary>
public sealed record MemorySnapshot(int Step, string Outline, string ShortTermMemory, IReadOnlyList<string> Plans, int? RecommendedPlan, int ParagraphCount);
