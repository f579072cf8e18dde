using RecurrentGpt.Core.Memory;

namespace RecurrentGpt.Core.Writing;

/// <summary>What it took to keep the memory under its cap.</summary>
public enum MemoryBounding
{
    WithinCap,
    Compressed,
    Trimmed,
}

/// <summary>A step's result: the parsed draft, and the memory after its update was applied and bounded.</summary>
public sealed record StepOutcome(Story.StepDraft Draft, ShortTermMemory Memory, MemoryBounding Bounding);

/// <summary>The opening, with its first memory already bounded.</summary>
public sealed record OpeningOutcome(Story.StoryOpening Opening, ShortTermMemory Memory, MemoryBounding Bounding);
