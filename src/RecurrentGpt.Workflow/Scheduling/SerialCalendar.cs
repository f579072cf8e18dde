using Cronos;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Workflow.Scheduling;

/// <summary>A serial's schedule: whether it is acceptable, when its next episode is due, and when an episode is complete.</summary>
public static class SerialCalendar
{
    public const int MaxCronLength = 100;
    public const int MaxParagraphsPerEpisode = 100;

    /// <summary>Throws <see cref="ArgumentException"/> naming what is wrong, so nothing is stored for a serial that could never run.</summary>
    public static void Validate(SerialSchedule serial, StoryMode mode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(serial);
        if (mode != StoryMode.Auto)
        {
            throw new ArgumentException("a serial must be an auto story: within an episode the human simulator chooses the plans (readers may still vote between episodes)");
        }

        if (serial.ParagraphsPerEpisode is < 1 or > MaxParagraphsPerEpisode)
        {
            throw new ArgumentException($"a serial's paragraphs per episode must be from 1 to {MaxParagraphsPerEpisode}");
        }

        CronExpression cron = Parse(serial.Cron);
        if (cron.GetNextOccurrence(now, TimeZoneInfo.Utc) is null)
        {
            throw new ArgumentException($"the serial's schedule \"{serial.Cron}\" never comes due");
        }
    }

    /// <summary>The schedule's first occurrence strictly after <paramref name="now"/>: however long ago the last one was, only the next counts.</summary>
    public static DateTimeOffset NextEpisodeAfter(SerialSchedule serial, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(serial);
        return Parse(serial.Cron).GetNextOccurrence(now, TimeZoneInfo.Utc)
            ?? throw new InvalidOperationException($"the serial's schedule \"{serial.Cron}\" never comes due");
    }

    /// <summary>Whether a serial that is writing has just completed its episode (and has not reached its target length).</summary>
    public static bool EndsEpisode(StoryState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Serial is { } serial
            && state.Status == StoryStatus.Writing
            && state.ParagraphCount < state.TargetParagraphs
            && state.ParagraphCount >= serial.ParagraphsAfterEpisode(state.Episode + 1, state.Settings.OpeningParagraphs);
    }

    private static CronExpression Parse(string? cron)
    {
        // Standard five fields only: no seconds, and no "H" (it needs a jitter seed, which would make the times depend on it).
        if (string.IsNullOrWhiteSpace(cron) || cron.Length > MaxCronLength
            || !CronExpression.TryParse(cron.Trim(), CronFormat.Standard, out CronExpression? parsed))
        {
            throw new ArgumentException($"a serial's schedule must be a cron expression of five fields (minute hour day-of-month month day-of-week, UTC) of at most {MaxCronLength} characters, such as \"0 9 * * 1\"; \"{Truncated(cron)}\" is not");
        }

        return parsed;
    }

    private static string Truncated(string? text) =>
        text is null ? string.Empty : text.Length <= MaxCronLength ? text : text[..MaxCronLength] + "…";
}
