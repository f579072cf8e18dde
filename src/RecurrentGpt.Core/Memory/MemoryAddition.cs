namespace RecurrentGpt.Core.Memory;

/// <summary>Append <paramref name="Text"/> to the memory.</summary>
public sealed record MemoryAddition(string Text, string Reason);
