namespace RecurrentGpt.Local.Runtime.Azurite;

/// <summary>How a process came to use its data folder's Azurite.</summary>
public enum AzuriteSharing
{
    /// <summary>It was not running: this process started it.</summary>
    StartedHere,

    /// <summary>It runs for another live process too.</summary>
    SharedWithOthers,

    /// <summary>It runs, but the process that started it is gone (killed) and no other uses it.</summary>
    LeftRunning,
}
