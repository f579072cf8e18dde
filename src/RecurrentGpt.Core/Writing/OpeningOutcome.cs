using RecurrentGpt.Core.Memory;

namespace RecurrentGpt.Core.Writing;

/// <summary>The opening, with its first memory already bounded.</summary>
public sealed record OpeningOutcome(Story.StoryOpening Opening, ShortTermMemory Memory, MemoryBounding Bounding);
