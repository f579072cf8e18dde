using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Functions.Tests;

public class SchedulerSweepFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29180;
    private static readonly Premise Lighthouse = new("mystery", "a lighthouse keeper finds a message in a bottle", null, StoryLanguage.English);

    [Fact]
    public async Task A_choice_whose_doorbell_was_lost_moves_the_story_on_at_the_next_timer_tick()
    {
        await using FunctionsHarness harness = await FunctionsHarness.StartAsync(azurite, Port);
        string id = await harness.StartStoryAsync(new NewStory(null, Lighthouse, StoryMode.Interactive, 4));
        StoryState waiting = await harness.WaitForAsync(id, s => s.Status == StoryStatus.AwaitingChoice);
        await harness.CustomStatusAsync(id, "awaiting-choice");

        // What a crash between recording the choice and ringing the bell leaves: the row and its due entry, no event.
        DateTimeOffset now = DateTimeOffset.UtcNow;
        Assert.True(await harness.Get<StoryStateStore>().TryRecordChoiceAsync(id, new PlanChoice(1, waiting.Plans[2], PlanChoiceSource.Picked, 3, now), CancellationToken.None));
        await harness.Get<DueWorkIndex>().ScheduleAsync(new DueWork(now, id, DueWorkKind.ChoiceDoorbell, 1), CancellationToken.None);
        Assert.Equal(0, (await harness.StateAsync(id)).Step);

        await TickAsync(harness);
        StoryState next = await harness.WaitForAsync(id, s => s.Step == 1);

        Assert.Equal(waiting.ParagraphCount + 1, next.ParagraphCount);
        Assert.Equal(waiting.Plans[2], (await harness.Get<StepRecordStore>().ReadAsync(id, 1, CancellationToken.None))!.Inputs.ChosenPlan);
    }

    [Fact]
    public async Task A_wait_past_its_deadline_lets_the_human_simulator_choose_when_the_timer_ticks()
    {
        await using FunctionsHarness harness = await FunctionsHarness.StartAsync(azurite, Port);
        string id = await harness.StartStoryAsync(new NewStory(null, Lighthouse, StoryMode.Interactive, 4, TimeoutPolicy.AutoChoose, TimeSpan.FromSeconds(1)));
        await harness.WaitForAsync(id, s => s.Status == StoryStatus.AwaitingChoice);
        await harness.CustomStatusAsync(id, "awaiting-choice");

        // The timer ticks until the deadline is due and the story moves on.
        await harness.WaitForAsync(id, s => s.Step == 1, between: () => TickAsync(harness));

        PlanChoice choice = (await harness.Get<StoryStateStore>().GetChoiceAsync(id, 1, CancellationToken.None))!;
        Assert.Equal(PlanChoiceSource.Simulator, choice.Source);
    }

    /// <summary>One timer invocation, as the worker makes it: the function class from the container, the durable client bound.</summary>
    private static Task TickAsync(FunctionsHarness harness) =>
        ActivatorUtilities.CreateInstance<SchedulerSweepFunction>(harness.Services).RunAsync(new TimerInfo(), harness.Client, CancellationToken.None);
}
