namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>Time-driven work the scheduler sweep performs.</summary>
public enum DueWorkKind
{
    /// <summary>An interactive wait reaches its deadline.</summary>
    ChoiceDeadline,

    /// <summary>A recorded choice not yet consumed: ring the doorbell again.</summary>
    ChoiceDoorbell,

    /// <summary>A serial's next episode is due.</summary>
    Episode,

    /// <summary>
    /// The story moved to another line (a rewind or restore; the entry's step is the generation): tell its orchestration
    /// again, in case the first telling was lost.
    /// </summary>
    LineMoved,
}
