namespace RecurrentGpt.Core.Story;

/// <summary>What the writer asks for before the first step.</summary>
public sealed record Premise(string Genre, string Topic, string? Description, StoryLanguage Language);
