namespace RecurrentGpt.Core.Story;

public enum StoryStatus
{
    /// <summary>Accepted; the opening is not written yet.</summary>
    Created,

    /// <summary>A step is being written.</summary>
    Writing,

    /// <summary>Plans are waiting for the writer's choice.</summary>
    AwaitingChoice,

    /// <summary>The model kept failing; the story waits for a Retry.</summary>
    NeedsAttention,

    Paused,
    Completed,
    Cancelled,

    /// <summary>A serial between episodes: it waits for the schedule to bring the next one due.</summary>
    AwaitingEpisode,
}
