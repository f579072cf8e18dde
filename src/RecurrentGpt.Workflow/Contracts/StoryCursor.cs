namespace RecurrentGpt.Workflow.Contracts;

/// <summary>
/// The orchestration's whole input: which story, which step comes next, and how model calls are retried.
/// One execution writes one step and continues as new with the next cursor, so history never grows with the story.
/// <paramref name="Progress"/> is what the last commit reported, which spares the next execution a read of the state;
/// when it is absent (the first execution, or a restart after a long wait) the execution reads the state itself.
/// </summary>
public sealed record StoryCursor(string StoryId, int Step, ModelRetry Retry, StoryProgress? Progress = null);
