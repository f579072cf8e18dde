namespace RecurrentGpt.Core.Story;

/// <summary>A paragraph's text with the blob metadata kept beside it.</summary>
public sealed record StoredParagraph(int Index, string Text, int Step, int Revision, ParagraphAuthor Author);
