namespace RecurrentGpt.Workflow.Contracts;

/// <summary>What a story's subscriber is told about; serialized in callback bodies as kebab-case ("plans-awaiting-choice").</summary>
public enum NotificationKind
{
    PlansAwaitingChoice,
    StepCommitted,
    EpisodePublished,
    NeedsAttention,
}

/// <summary>NotifySubscribers' input: which story, what happened, at which step. The activity reads the rest from the state row.</summary>
public sealed record Notification(string StoryId, NotificationKind Kind, int Step);
