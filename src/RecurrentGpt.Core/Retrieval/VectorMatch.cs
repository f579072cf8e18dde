namespace RecurrentGpt.Core.Retrieval;

/// <summary>A scored entry of <see cref="VectorIndex.TopK"/>.</summary>
public readonly record struct VectorMatch(int ParagraphIndex, float Score);
