namespace RecurrentGpt.Api.Views;

/// <summary>A fork, made: the new story, where it came from, where it stands, and where to follow it.</summary>
public sealed record ForkView(string Id, string ParentId, int FromStep, int Step, int ParagraphCount, string Mode, string Status, string StatusUrl);
