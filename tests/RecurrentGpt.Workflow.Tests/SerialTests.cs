using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Scheduling;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Tests;

public class SerialTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29160;

    [Fact]
    public async Task Only_due_serials_get_EpisodeDue()
    {
        var time = new FakeTimeProvider(Serials.Start);
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port, time: time);
        await Serials.ClearDueWorkAsync(harness);
        string hourly = await Serials.StartAsync(harness, "0 * * * *");
        string daily = await Serials.StartAsync(harness, "0 9 * * *");
        StoryState hourlyFirst = await Serials.AwaitingEpisodeAsync(harness, hourly, 1);
        StoryState dailyFirst = await Serials.AwaitingEpisodeAsync(harness, daily, 1);
        SchedulerSweep sweep = harness.Get<SchedulerSweep>();
        SweepReport early = await sweep.RunOnceAsync(CancellationToken.None);

        // 11:05: past the hour, long before nine tomorrow.
        time.Advance(TimeSpan.FromMinutes(45));
        SweepReport due = await sweep.RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, early.EpisodesRaised);
        Assert.Equal(1, due.EpisodesRaised);
        Assert.Equal(Serials.At(11), hourlyFirst.NextEpisodeAt);
        Assert.Equal(Serials.At(9, day: 1), dailyFirst.NextEpisodeAt);
        StoryState hourlySecond = await Serials.AwaitingEpisodeAsync(harness, hourly, 2);
        Assert.Equal(hourlyFirst.ParagraphCount + Serials.EpisodeSize, hourlySecond.ParagraphCount);
        Assert.Equal(Serials.At(12), hourlySecond.NextEpisodeAt);
        Assert.Equal(hourlySecond.NextEpisodeAt, (await harness.Get<StoryCatalogue>().GetAsync(hourly, CancellationToken.None))!.NextEpisodeAt);
        StoryStateStore states = harness.Get<StoryStateStore>();
        for (int step = hourlyFirst.Step + 1; step <= hourlySecond.Step; step++)
        {
            PlanChoice choice = (await states.GetChoiceAsync(hourly, step, CancellationToken.None))!;
            Assert.True(choice.Source is PlanChoiceSource.Simulator or PlanChoiceSource.Recommended, $"step {step} was chosen by {choice.Source}");
        }

        StoryState dailyNow = await harness.StateAsync(daily);
        Assert.Equal(
            (StoryStatus.AwaitingEpisode, 1, dailyFirst.Step, dailyFirst.ParagraphCount, dailyFirst.NextEpisodeAt),
            (dailyNow.Status, dailyNow.Episode, dailyNow.Step, dailyNow.ParagraphCount, dailyNow.NextEpisodeAt));
        Assert.Null(await states.GetChoiceAsync(daily, dailyFirst.Step + 1, CancellationToken.None));
    }

    [Fact]
    public async Task Reader_vote_recorded_between_episodes_is_the_plan_of_the_next_step()
    {
        var time = new FakeTimeProvider(Serials.Start);
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port, time: time);
        await Serials.ClearDueWorkAsync(harness);
        string id = await Serials.StartAsync(harness, "0 * * * *");
        StoryState first = await Serials.AwaitingEpisodeAsync(harness, id, 1);
        const string vote = "Mara Quint rows out to the lighthouse at low tide and finds the lamp room unlocked.";

        ChoiceResult result = await harness.Get<ChoiceRecorder>().RecordAsync(id, first.Step + 1, vote, PlanChoiceSource.Own, null, CancellationToken.None);

        Assert.Equal(ChoiceResult.Recorded, result);
        // The vote neither starts the episode early nor leaves a doorbell for a story that never waits for one.
        Assert.Equal(StoryStatus.AwaitingEpisode, (await harness.StateAsync(id)).Status);
        Assert.DoesNotContain(await Serials.DueWorkAsync(harness), entry => entry.StoryId == id && entry.Kind == DueWorkKind.ChoiceDoorbell);

        time.Advance(TimeSpan.FromMinutes(45));
        Assert.Equal(1, (await harness.Get<SchedulerSweep>().RunOnceAsync(CancellationToken.None)).EpisodesRaised);
        StoryState second = await Serials.AwaitingEpisodeAsync(harness, id, 2);

        StoryStateStore states = harness.Get<StoryStateStore>();
        StepRecord voted = (await harness.Get<StepRecordStore>().ReadAsync(id, first.Step + 1, CancellationToken.None))!;
        Assert.Equal(vote, voted.Inputs.ChosenPlan);
        Assert.Equal(PlanChoiceSource.Own, (await states.GetChoiceAsync(id, first.Step + 1, CancellationToken.None))!.Source);
        Assert.NotEqual(PlanChoiceSource.Own, (await states.GetChoiceAsync(id, second.Step, CancellationToken.None))!.Source);
    }

    [Fact]
    public async Task Serial_with_a_bad_schedule_is_refused_before_anything_is_written()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        StoryStarter starter = harness.Get<StoryStarter>();
        NewStory good = Serials.Story("0 * * * *");
        (NewStory Story, string Problem)[] refused =
        [
            (good with { Serial = new SerialSchedule("every hour", 2) }, "cron"),
            (good with { Serial = new SerialSchedule("0 0 30 2 *", 2) }, "never"),
            (good with { Mode = StoryMode.Interactive }, "auto"),
            (good with { Serial = new SerialSchedule("0 * * * *", 0) }, "paragraphs per episode"),
        ];

        foreach ((NewStory story, string problem) in refused)
        {
            string id = StoryId.New();
            ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => starter.StartAsync(story with { StoryId = id }, CancellationToken.None));

            Assert.Contains(problem, error.Message, StringComparison.Ordinal);
            Assert.Null(await harness.Get<StoryStateStore>().GetAsync(id, CancellationToken.None));
            Assert.Null(await harness.Get<StoryCatalogue>().GetAsync(id, CancellationToken.None));
            Assert.Null(await harness.Client.GetInstanceAsync(id));
        }
    }
}

public class SerialOutageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29161;

    [Fact]
    public async Task A_long_outage_yields_one_catch_up_episode()
    {
        var time = new FakeTimeProvider(Serials.Start);
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port, time: time);
        await Serials.ClearDueWorkAsync(harness);
        string id = await Serials.StartAsync(harness, "0 * * * *");
        StoryState first = await Serials.AwaitingEpisodeAsync(harness, id, 1);
        SchedulerSweep sweep = harness.Get<SchedulerSweep>();

        // 14:10: the episodes due at 11, 12, 13 and 14 o'clock were all missed while nothing swept.
        time.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(50));
        SweepReport catchUp = await sweep.RunOnceAsync(CancellationToken.None);
        StoryState second = await Serials.AwaitingEpisodeAsync(harness, id, 2);
        var later = new List<SweepReport>();
        for (int sweeps = 0; sweeps < 3; sweeps++)
        {
            time.Advance(TimeSpan.FromMinutes(5));
            later.Add(await sweep.RunOnceAsync(CancellationToken.None));
        }

        Assert.Equal(1, catchUp.EpisodesRaised);
        Assert.All(later, report => Assert.Equal(0, report.EpisodesRaised));
        StoryState after = await harness.StateAsync(id);
        Assert.Equal((StoryStatus.AwaitingEpisode, 2, first.ParagraphCount + Serials.EpisodeSize), (after.Status, after.Episode, after.ParagraphCount));
        Assert.Equal(second.Step, after.Step);
        Assert.True(after.NextEpisodeAt > time.GetUtcNow(), $"next episode at {after.NextEpisodeAt}, now {time.GetUtcNow()}");
        Assert.Equal(Serials.At(15), after.NextEpisodeAt);
        IReadOnlyList<DueWork> pending = await Serials.DueWorkAsync(harness);
        DueWork next = Assert.Single(pending, entry => entry.StoryId == id);
        Assert.Equal(new DueWork(Serials.At(15), id, DueWorkKind.Episode, after.Step + 1), next);
    }
}

/// <summary>What the serial tests share: a fixed start time, the story, and waits that poll with a deadline.</summary>
internal static class Serials
{
    public const int EpisodeSize = 2;

    /// <summary>A Tuesday, 10:20 UTC: the hourly schedule is next due at 11:00, the daily one at 9:00 tomorrow.</summary>
    public static readonly DateTimeOffset Start = new(2031, 3, 4, 10, 20, 0, TimeSpan.Zero);

    /// <summary>The hour <paramref name="hour"/> of the start day (or <paramref name="day"/> days later), UTC.</summary>
    public static DateTimeOffset At(int hour, int day = 0) => new DateTimeOffset(2031, 3, 4, hour, 0, 0, TimeSpan.Zero).AddDays(day);

    private static readonly Premise Lighthouse = new("mystery", "a lighthouse keeper named Elias Grey vanishes from a harbour town", null, StoryLanguage.English);

    public static NewStory Story(string cron) =>
        new(null, Lighthouse, StoryMode.Auto, 20, Serial: new SerialSchedule(cron, EpisodeSize));

    public static Task<string> StartAsync(WorkflowHarness harness, string cron) =>
        harness.Get<StoryStarter>().StartAsync(Story(cron), CancellationToken.None);

    /// <summary>
    /// Waits until the serial has published <paramref name="episode"/> episodes and its orchestration shows it waits for the
    /// next (published after EndEpisode has put the next episode into the due-work index).
    /// </summary>
    public static async Task<StoryState> AwaitingEpisodeAsync(WorkflowHarness harness, string id, int episode)
    {
        StoryState state = await harness.WaitForAsync(id, s => s.Status == StoryStatus.AwaitingEpisode && s.Episode == episode, TimeSpan.FromSeconds(90));
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        StoryStatusView? view = null;
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            OrchestrationMetadata? metadata = await harness.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
            view = metadata?.ReadCustomStatusAs<StoryStatusView>();
            if (view is { Status: "awaiting-episode" } && view.Step == state.Step + 1)
            {
                return state;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"story {id} never showed awaiting-episode for step {state.Step + 1}; last: {view}");
    }

    /// <summary>Every entry in the due-work index, whenever due.</summary>
    public static Task<IReadOnlyList<DueWork>> DueWorkAsync(WorkflowHarness harness) =>
        harness.Get<DueWorkIndex>().ListDueAsync(new DateTimeOffset(9000, 1, 1, 0, 0, 0, TimeSpan.Zero), DueWorkIndex.ListLimit, CancellationToken.None);

    /// <summary>Tests of a class share one Azurite: an earlier test's entries must not count in this test's sweeps.</summary>
    public static async Task ClearDueWorkAsync(WorkflowHarness harness)
    {
        foreach (DueWork entry in await DueWorkAsync(harness))
        {
            await harness.Get<DueWorkIndex>().RemoveAsync(entry, CancellationToken.None);
        }
    }
}
