using System.Globalization;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Workflow.Scheduling;

namespace RecurrentGpt.Workflow.Tests;

public class SerialCalendarTests
{
    [Theory]
    [InlineData("0 * * * *", "2031-03-04T10:20:00Z", "2031-03-04T11:00:00Z")]
    [InlineData("0 * * * *", "2031-03-04T11:00:00Z", "2031-03-04T12:00:00Z")]
    [InlineData("0 9 * * *", "2031-03-04T10:20:00Z", "2031-03-05T09:00:00Z")]
    [InlineData("0 9 * * *", "2031-03-04T08:59:59Z", "2031-03-04T09:00:00Z")]
    [InlineData("0 9 * * 1", "2031-03-04T10:20:00Z", "2031-03-10T09:00:00Z")]
    [InlineData("*/15 * * * *", "2031-03-04T10:20:00Z", "2031-03-04T10:30:00Z")]
    [InlineData(" 30 6 1 * * ", "2031-12-31T23:00:00Z", "2032-01-01T06:30:00Z")]
    public void Next_episode_is_the_first_occurrence_strictly_after_now_in_UTC(string cron, string now, string expected)
    {
        DateTimeOffset next = SerialCalendar.NextEpisodeAfter(new SerialSchedule(cron, 2), Parse(now));

        Assert.Equal(Parse(expected), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Fact]
    public void Next_episode_after_many_missed_periods_is_the_one_after_now_not_the_first_missed()
    {
        var hourly = new SerialSchedule("0 * * * *", 2);
        DateTimeOffset due = Parse("2031-03-04T11:00:00Z");

        DateTimeOffset next = SerialCalendar.NextEpisodeAfter(hourly, due.AddHours(3).AddMinutes(10));

        Assert.Equal(Parse("2031-03-04T15:00:00Z"), next);
    }

    [Theory]
    [InlineData(2, 2, new[] { 2, 4, 6 })]
    [InlineData(3, 2, new[] { 3, 6, 9 })]
    [InlineData(1, 2, new[] { 2, 3, 4 })]
    [InlineData(2, 5, new[] { 5, 7, 9 })]
    public void An_opening_longer_than_an_episode_is_episode_one_and_later_episodes_stay_full(int perEpisode, int opening, int[] ends)
    {
        var serial = new SerialSchedule("0 * * * *", perEpisode);

        Assert.Equal(ends, Enumerable.Range(1, ends.Length).Select(episode => serial.ParagraphsAfterEpisode(episode, opening)));
    }

    [Fact]
    public void Episode_ends_only_for_a_writing_serial_at_its_boundary_and_short_of_its_target()
    {
        var writing = new StoryState
        {
            StoryId = StoryId.New(),
            Premise = new Premise("mystery", "a lighthouse", null, StoryLanguage.English),
            Status = StoryStatus.Writing,
            Serial = new SerialSchedule("0 * * * *", 2),
            Settings = WriterSettings.AutoDefault,
            TargetParagraphs = 20,
            Episode = 1,
            ParagraphCount = 4,
        };

        Assert.True(SerialCalendar.EndsEpisode(writing));
        Assert.False(SerialCalendar.EndsEpisode(writing with { ParagraphCount = 3 }));
        Assert.False(SerialCalendar.EndsEpisode(writing with { Episode = 2 }));
        Assert.False(SerialCalendar.EndsEpisode(writing with { Status = StoryStatus.AwaitingEpisode }));
        Assert.False(SerialCalendar.EndsEpisode(writing with { TargetParagraphs = 4 }));
        Assert.False(SerialCalendar.EndsEpisode(writing with { Serial = null }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("every hour")]
    [InlineData("* * * * * *")]
    [InlineData("0 * * *")]
    [InlineData("H * * * *")]
    [InlineData("61 * * * *")]
    public void Bad_cron_is_refused(string cron)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => SerialCalendar.Validate(new SerialSchedule(cron, 2), StoryMode.Auto, DateTimeOffset.UtcNow));

        Assert.Contains("cron expression of five fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cron_that_never_comes_due_or_is_too_long_is_refused()
    {
        string tooLong = "0 * * * *" + new string(' ', SerialCalendar.MaxCronLength);

        Assert.Contains("never comes due", Assert.Throws<ArgumentException>(() => SerialCalendar.Validate(new SerialSchedule("0 0 30 2 *", 2), StoryMode.Auto, DateTimeOffset.UtcNow)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SerialCalendar.Validate(new SerialSchedule(tooLong, 2), StoryMode.Auto, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void Interactive_serial_is_refused()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => SerialCalendar.Validate(new SerialSchedule("0 9 * * *", 2), StoryMode.Interactive, DateTimeOffset.UtcNow));

        Assert.Contains("must be an auto story", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(SerialCalendar.MaxParagraphsPerEpisode + 1)]
    public void Paragraphs_per_episode_out_of_range_are_refused(int perEpisode)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => SerialCalendar.Validate(new SerialSchedule("0 9 * * *", perEpisode), StoryMode.Auto, DateTimeOffset.UtcNow));

        Assert.Contains("paragraphs per episode must be from 1 to 100", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 9 * * 1", 1)]
    [InlineData("@hourly", 100)]
    [InlineData("0 9 * * MON-FRI", 3)]
    public void Good_schedule_is_accepted(string cron, int perEpisode) =>
        SerialCalendar.Validate(new SerialSchedule(cron, perEpisode), StoryMode.Auto, DateTimeOffset.UtcNow);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
}
