using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>A story in the catalogue (table Stories), for listing; for a waiting serial, when its next episode is due.</summary>
public sealed record StorySummary(
    string StoryId,
    string Title,
    StoryStatus Status,
    StoryMode Mode,
    int ParagraphCount,
    int TargetParagraphs,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? NextEpisodeAt = null);
