namespace RecurrentGpt.Core.Story;

/// <summary>An earlier paragraph recalled for this step. <paramref name="FullText"/> is set only when the full text is sent.</summary>
public sealed record RetrievedMemory(int ParagraphIndex, string Summary, string? FullText, float Score);
