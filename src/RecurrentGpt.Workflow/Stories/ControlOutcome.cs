using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Workflow.Stories;

/// <summary>What a pause, resume, cancel or retry did: the action and the status the story now shows.</summary>
public sealed record ControlOutcome(string StoryId, string Action, StoryStatus Status);
