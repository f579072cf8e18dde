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
}
