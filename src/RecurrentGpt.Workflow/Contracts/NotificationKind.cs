namespace RecurrentGpt.Workflow.Contracts;

/// <summary>What a story's subscriber is told about; serialized in callback bodies as kebab-case ("plans-awaiting-choice").</summary>
public enum NotificationKind
{
    PlansAwaitingChoice,
    StepCommitted,
    EpisodePublished,
    NeedsAttention,
}
