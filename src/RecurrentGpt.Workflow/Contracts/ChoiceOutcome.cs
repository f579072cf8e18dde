namespace RecurrentGpt.Workflow.Contracts;

/// <summary>
/// Whether a recorded choice for the step exists (and so the step may be written); <paramref name="Moved"/> says the
/// story has moved to another line since the step was taken on, so the orchestration starts over from the state row.
/// </summary>
public sealed record ChoiceOutcome(bool Chosen, bool Moved = false);
