namespace RecurrentGpt.Core.Readers;

public enum PublicationStatus
{
    /// <summary>Readers can start and take steps.</summary>
    Open,

    /// <summary>No new readers and no new reader steps; what readers have stays theirs to read.</summary>
    Unpublished,
}
