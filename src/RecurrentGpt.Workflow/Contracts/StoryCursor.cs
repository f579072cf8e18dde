namespace RecurrentGpt.Workflow.Contracts;

/// <summary>
/// The orchestration's whole input: which story, which step comes next, and how model calls are retried.
/// One execution writes one step and continues as new with the next cursor, so history never grows with the story.
/// <paramref name="Progress"/> is what the last commit reported, which spares the next execution a read of the state;
/// when it is absent (the first execution, or a restart after a long wait) the execution reads the state itself.
/// </summary>
public sealed record StoryCursor(string StoryId, int Step, ModelRetry Retry, StoryProgress? Progress = null);

/// <summary>Attempts of a model-calling activity, and the first delay between them (doubling after each).</summary>
public sealed record ModelRetry(int Attempts, TimeSpan FirstDelay);

/// <summary>Names one step of one story: the input of most activities.</summary>
public sealed record StepRef(string StoryId, int Step);

/// <summary>A story that needs attention, and why.</summary>
public sealed record AttentionNote(string StoryId, int Step, string Reason);
