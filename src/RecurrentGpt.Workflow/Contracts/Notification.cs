namespace RecurrentGpt.Workflow.Contracts;

/// <summary>NotifySubscribers' input: which story, what happened, at which step. The activity reads the rest from the state row.</summary>
public sealed record Notification(string StoryId, NotificationKind Kind, int Step);
