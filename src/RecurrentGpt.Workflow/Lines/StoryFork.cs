using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Workflow.Lines;

/// <summary>A fork, made: the new story <paramref name="StoryId"/> stands at <paramref name="Step"/> as <paramref name="ParentId"/> did after <paramref name="FromStep"/>.</summary>
public sealed record StoryFork(string StoryId, string ParentId, int FromStep, int Step, int ParagraphCount, StoryMode Mode, StoryStatus Status);
