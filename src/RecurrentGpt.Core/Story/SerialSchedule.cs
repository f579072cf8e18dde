namespace RecurrentGpt.Core.Story;

/// <summary>
/// A serial is written in episodes: when <paramref name="Cron"/> (five fields, UTC) comes due, the next
/// <paramref name="ParagraphsPerEpisode"/> paragraphs are written with the human simulator choosing the plans.
/// </summary>
public sealed record SerialSchedule(string Cron, int ParagraphsPerEpisode);
