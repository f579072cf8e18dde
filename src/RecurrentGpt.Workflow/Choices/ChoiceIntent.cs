namespace RecurrentGpt.Workflow.Choices;

/// <summary>
/// What a person sends to choose the plan for <paramref name="Step"/>: <paramref name="Plan"/> alone picks one of the
/// story's plans (from 1), with <paramref name="Text"/> it edits that plan, and <paramref name="Text"/> alone is their own plan.
/// </summary>
public sealed record ChoiceIntent(int Step, int? Plan, string? Text);
