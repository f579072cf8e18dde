namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>What a choice recorded together with its state change came to.</summary>
public enum ChoiceWrite
{
    Recorded,

    /// <summary>A choice for the step was there already: the first stands.</summary>
    AlreadyChosen,

    /// <summary>The state changed since it was read: nothing was written; read it again.</summary>
    StateChanged,
}
