using Microsoft.Extensions.Time.Testing;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Scheduling;

namespace RecurrentGpt.Workflow.Tests;

public class SchedulerSweepTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29130;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Choice_recorded_without_its_doorbell_still_advances_the_story_at_the_next_sweep()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port, time: time, configure: o => o.SweepInterval = Interval);
        string id = await InteractiveStoryTests.StartAsync(harness, 5);
        StoryState waiting = await harness.WaitForAsync(id, s => s.Status == StoryStatus.AwaitingChoice);
        await InteractiveStoryTests.CustomStatusAsync(harness, id, "awaiting-choice");

        // What a crash between writing the choice and ringing the bell leaves behind: the row and its due entry, no event.
        var choice = new PlanChoice(1, waiting.Plans[2], PlanChoiceSource.Picked, 3, time.GetUtcNow());
        Assert.True(await harness.Get<StoryStateStore>().TryRecordChoiceAsync(id, choice, CancellationToken.None));
        await harness.Get<DueWorkIndex>().ScheduleAsync(new DueWork(time.GetUtcNow() + Interval, id, DueWorkKind.ChoiceDoorbell, 1), CancellationToken.None);
        SchedulerSweep sweep = harness.Get<SchedulerSweep>();
        SweepReport early = await sweep.RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, early.DoorbellsRung);
        Assert.Equal(StoryStatus.AwaitingChoice, (await harness.StateAsync(id)).Status);

        time.Advance(Interval);
        SweepReport due = await sweep.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, due.DoorbellsRung);
        StoryState next = await harness.WaitForAsync(id, s => s.Step == 1);
        Assert.Equal(waiting.Plans[2], (await harness.Get<StepRecordStore>().ReadAsync(id, 1, CancellationToken.None))!.Inputs.ChosenPlan);
        Assert.Equal(waiting.ParagraphCount + 1, next.ParagraphCount);
    }

    [Fact]
    public async Task Deadline_with_auto_choose_lets_the_human_simulator_choose()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port, time: time, configure: o => o.SweepInterval = Interval);
        string id = await InteractiveStoryTests.StartAsync(harness, 5, TimeoutPolicy.AutoChoose, TimeSpan.FromMinutes(10));
        await harness.WaitForAsync(id, s => s.Status == StoryStatus.AwaitingChoice);
        await InteractiveStoryTests.CustomStatusAsync(harness, id, "awaiting-choice");
        SchedulerSweep sweep = harness.Get<SchedulerSweep>();

        time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, (await sweep.RunOnceAsync(CancellationToken.None)).DeadlinesRaised);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await sweep.RunOnceAsync(CancellationToken.None)).DeadlinesRaised);

        await harness.WaitForAsync(id, s => s.Step == 1);
        PlanChoice choice = (await harness.Get<StoryStateStore>().GetChoiceAsync(id, 1, CancellationToken.None))!;
        Assert.Equal(PlanChoiceSource.Simulator, choice.Source);
    }

    [Fact]
    public async Task Deadline_with_pause_pauses_the_story_and_a_later_choice_resumes_it()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port, time: time, configure: o => o.SweepInterval = Interval);
        string id = await InteractiveStoryTests.StartAsync(harness, 5, TimeoutPolicy.Pause, TimeSpan.FromMinutes(10));
        StoryState waiting = await harness.WaitForAsync(id, s => s.Status == StoryStatus.AwaitingChoice);
        await InteractiveStoryTests.CustomStatusAsync(harness, id, "awaiting-choice");

        time.Advance(TimeSpan.FromMinutes(11));
        await harness.Get<SchedulerSweep>().RunOnceAsync(CancellationToken.None);
        await harness.WaitForAsync(id, s => s.Status == StoryStatus.Paused);
        await harness.Get<ChoiceRecorder>().RecordAsync(id, 1, waiting.Plans[0], PlanChoiceSource.Picked, 1, CancellationToken.None);

        StoryState resumed = await harness.WaitForAsync(id, s => s.Step == 1);
        Assert.Equal(StoryStatus.AwaitingChoice, resumed.Status);
    }

    [Fact]
    public async Task Deadline_with_keep_waiting_leaves_the_story_waiting()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port, time: time, configure: o => o.SweepInterval = Interval);
        string id = await InteractiveStoryTests.StartAsync(harness, 5, TimeoutPolicy.KeepWaiting, TimeSpan.FromMinutes(10));
        await harness.WaitForAsync(id, s => s.Status == StoryStatus.AwaitingChoice);
        await InteractiveStoryTests.CustomStatusAsync(harness, id, "awaiting-choice");

        time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, (await harness.Get<SchedulerSweep>().RunOnceAsync(CancellationToken.None)).DeadlinesRaised);

        // A negative: for two seconds after the deadline event, nothing may choose for the writer.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(2))
        {
            StoryState state = await harness.StateAsync(id);
            Assert.Equal(StoryStatus.AwaitingChoice, state.Status);
            Assert.Equal(0, state.Step);
            Assert.Null(await harness.Get<StoryStateStore>().GetChoiceAsync(id, 1, CancellationToken.None));
            await Task.Delay(200);
        }
    }
}
