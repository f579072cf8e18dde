namespace RecurrentGpt.Core.Readers;

/// <summary>A story published for readers at a step: its id (the reader address), settings and status.</summary>
public sealed record Publication(
    string PublicationId,
    string StoryId,
    PublicationSettings Settings,
    PublicationStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UnpublishedAt);
