namespace RecurrentGpt.Workflow.Contracts;

/// <summary>How an execution ended: the story's final state in brief.</summary>
public sealed record StoryOutcome(string StoryId, int ParagraphCount, string Status);
