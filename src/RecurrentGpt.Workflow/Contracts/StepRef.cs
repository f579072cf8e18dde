namespace RecurrentGpt.Workflow.Contracts;

/// <summary>Names one step of one story: the input of most activities.</summary>
public sealed record StepRef(string StoryId, int Step);
