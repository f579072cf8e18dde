namespace RecurrentGpt.Workflow.Contracts;

/// <summary>
/// Names one step of one story: the input of most activities. <paramref name="Generation"/> is the story's generation
/// when the orchestration took the step on: once a rewind or restore has moved the story on, the step's work stops.
/// </summary>
public sealed record StepRef(string StoryId, int Step, int Generation = 0);
