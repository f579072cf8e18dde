namespace RecurrentGpt.Core.Memory;

/// <summary>Drop the 1-based sentence <paramref name="Sentence"/> of the current memory.</summary>
public sealed record MemoryDrop(int Sentence, string Reason);
