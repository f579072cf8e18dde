using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;
using RecurrentGpt.TestSupport.Stories;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Lines;
using RecurrentGpt.Workflow.Refusals;
using RecurrentGpt.Workflow.Stories;
using static RecurrentGpt.Workflow.Tests.Lines.InteractiveSteps;

namespace RecurrentGpt.Workflow.Tests.Lines;

/// <summary>Rewind and restore on the real engine over Azurite: the story continues from a snapshot, and nothing is lost.</summary>
public class RewindTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29190;

    [Fact]
    public async Task A_twelve_step_story_rewound_to_five_continues_from_snapshot_five_and_restores_byte_for_byte()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        await RewindScenario.TwelveStepsRewoundToFiveAsync(new StoryDriver(harness.Services));
    }

    [Fact]
    public async Task A_rewind_to_a_step_not_committed_or_to_where_the_story_stands_is_refused_and_changes_nothing()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        string id = await StartAsync(harness, 10);
        await ChooseAsync(harness, id, 1, "Elias climbs the tower.");
        StoryRewinder rewinder = harness.Get<StoryRewinder>();
        VersionedState before = (await harness.Get<StoryStateStore>().GetAsync(id, CancellationToken.None))!;

        StoryRefusedException beyond = await Assert.ThrowsAsync<StoryRefusedException>(() => rewinder.RewindAsync(id, 2, CancellationToken.None));
        StoryRefusedException here = await Assert.ThrowsAsync<StoryRefusedException>(() => rewinder.RewindAsync(id, 1, CancellationToken.None));
        StoryRefusedException noBranch = await Assert.ThrowsAsync<StoryRefusedException>(() => rewinder.RestoreAsync(id, 3, CancellationToken.None));

        Assert.Equal((StoryRefusal.StepNotFound, StoryRefusal.AlreadyAtStep, StoryRefusal.BranchNotFound), (beyond.Refusal, here.Refusal, noBranch.Refusal));
        Assert.Equal(before.ETag, (await harness.Get<StoryStateStore>().GetAsync(id, CancellationToken.None))!.ETag);
    }

    [Fact]
    public async Task A_rewind_racing_a_choice_for_the_same_step_lets_exactly_one_take_effect()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        for (int round = 0; round < 4; round++)
        {
            string id = await StartAsync(harness, 10);
            await ChooseAsync(harness, id, 1, "Elias climbs the tower.");
            StoryState waiting = await harness.WaitForAsync(id, s => s.Step == 1 && s.Status == StoryStatus.AwaitingChoice);

            Task<ChoiceResult> choice = Task.Run(() => harness.Get<ChoiceRecorder>().RecordAsync(id, 2, "Elias reads the logbook.", PlanChoiceSource.Own, null, CancellationToken.None));
            Task<LineMove> rewind = Task.Run(() => harness.Get<StoryRewinder>().RewindAsync(id, 0, CancellationToken.None));
            ChoiceResult chose = await choice;
            Exception? refused = await Record.ExceptionAsync(() => rewind);

            bool choiceWon = chose == ChoiceResult.Recorded;
            bool rewindWon = refused is null;
            Assert.True(choiceWon ^ rewindWon, $"round {round}: choice {chose}, rewind {(refused is null ? "done" : refused.Message)}");
            if (choiceWon)
            {
                Assert.Equal(StoryRefusal.StepInProgress, Assert.IsType<StoryRefusedException>(refused).Refusal);
                StoryState written = await harness.WaitForAsync(id, s => s.Step == 2);
                Assert.Equal(waiting.ParagraphCount + 1, written.ParagraphCount);
            }
            else
            {
                Assert.Equal(ChoiceResult.StaleStep, chose);
                StoryState rewound = await harness.StateAsync(id);
                Assert.Equal((0, 1), (rewound.Step, rewound.CurrentLine.Branch));
                Assert.Null(await harness.Get<StoryStateStore>().GetChoiceAsync(new LineRef(id, 1), 2, CancellationToken.None));
            }
        }
    }
}
