namespace RecurrentGpt.Api.Views;

/// <summary>A fork's parent and the parent's step it was forked at.</summary>
public sealed record ForkedFromView(string StoryId, int Step);
