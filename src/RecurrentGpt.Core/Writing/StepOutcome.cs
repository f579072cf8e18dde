using RecurrentGpt.Core.Memory;

namespace RecurrentGpt.Core.Writing;

/// <summary>A step's result: the parsed draft, and the memory after its update was applied and bounded.</summary>
public sealed record StepOutcome(Story.StepDraft Draft, ShortTermMemory Memory, MemoryBounding Bounding);
