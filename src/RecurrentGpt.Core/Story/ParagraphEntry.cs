namespace RecurrentGpt.Core.Story;

/// <summary>Row <c>paragraph-{index:D6}</c>: where the paragraph lives, its embedding (made once, at commit) and its long-term memory summary.</summary>
public sealed record ParagraphEntry(int Index, string BlobName, float[] Embedding, int WordCount, string Summary, int Step, int Revision, ParagraphAuthor Author);
