namespace RecurrentGpt.Core.Writing;

/// <summary>A committed paragraph and its long-term memory entry.</summary>
public sealed record StoryParagraph(string Text, string Summary);
