namespace RecurrentGpt.Core.Story;

/// <summary>
/// A serial is written in episodes: when <paramref name="Cron"/> (five fields, UTC) comes due, the next
/// <paramref name="ParagraphsPerEpisode"/> paragraphs are written with the human simulator choosing the plans.
/// </summary>
public sealed record SerialSchedule(string Cron, int ParagraphsPerEpisode)
{
    /// <summary>
    /// The paragraph count at which episode <paramref name="episode"/> (from 1) is complete. Episode 1 holds at least the
    /// opening: an opening longer than an episode is episode 1 on its own, and every later episode still adds a full
    /// <see cref="ParagraphsPerEpisode"/>, so no episode comes out short to make up for a long opening.
    /// </summary>
    public int ParagraphsAfterEpisode(int episode, int openingParagraphs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(episode, 1);
        return ((episode - 1) * ParagraphsPerEpisode) + Math.Max(ParagraphsPerEpisode, openingParagraphs);
    }
}
