namespace RecurrentGpt.Core.Story;

/// <summary>What happens when an interactive wait passes its deadline.</summary>
public enum TimeoutPolicy
{
    KeepWaiting,
    AutoChoose,
    Pause,
}
