namespace RecurrentGpt.Workflow;

/// <summary>Orchestrator, activity and event names shared by both hosts.</summary>
public static class WorkflowNames
{
    public const string StoryOrchestration = "StoryOrchestration";

    public const string InitializeStory = "InitializeStory";
    public const string ChoosePlan = "ChoosePlan";
    public const string ReadChoice = "ReadChoice";
    public const string ApplyChoiceTimeout = "ApplyChoiceTimeout";
    public const string RetrieveMemories = "RetrieveMemories";
    public const string WriteParagraph = "WriteParagraph";
    public const string CommitStep = "CommitStep";
    public const string MarkNeedsAttention = "MarkNeedsAttention";
    public const string EndEpisode = "EndEpisode";
    public const string BeginEpisode = "BeginEpisode";
    public const string NotifySubscribers = "NotifySubscribers";

    /// <summary>Doorbell: a choice was recorded for the step in the payload; the choice row is the truth.</summary>
    public const string PlanChosenEvent = "PlanChosen";

    /// <summary>The interactive wait for the step in the payload passed its deadline.</summary>
    public const string DeadlineEvent = "Deadline";

    /// <summary>A waiting serial's next episode is due; the payload is the step it begins with.</summary>
    public const string EpisodeDueEvent = "EpisodeDue";

    /// <summary>The story moved to another line (rewind, restore); the payload is its new generation.</summary>
    public const string MovedEvent = "Moved";

    /// <summary>The writer asks a story that needs attention to try again.</summary>
    public const string RetryEvent = "Retry";
}
