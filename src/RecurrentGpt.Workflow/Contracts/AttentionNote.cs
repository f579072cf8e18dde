namespace RecurrentGpt.Workflow.Contracts;

/// <summary>A story that needs attention, and why.</summary>
public sealed record AttentionNote(string StoryId, int Step, string Reason);
