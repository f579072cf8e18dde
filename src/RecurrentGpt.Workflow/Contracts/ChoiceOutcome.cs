namespace RecurrentGpt.Workflow.Contracts;

/// <summary>Whether a recorded choice for the step exists (and so the step may be written).</summary>
public sealed record ChoiceOutcome(bool Chosen);
