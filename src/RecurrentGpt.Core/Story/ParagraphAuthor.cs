namespace RecurrentGpt.Core.Story;

/// <summary>Who wrote a paragraph's current text.</summary>
public enum ParagraphAuthor
{
    Model,
    Human,
}
