using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;
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
        string id = await StartAsync(harness, 40);
        for (int step = 1; step <= 12; step++)
        {
            await ChooseAsync(harness, id, step, $"Step {step}: Elias follows the trail of the brass key to place number {step}.");
        }

        StoryExport export = harness.Get<StoryExport>();
        string before = await export.RenderAsync(id, ExportFormat.Markdown, CancellationToken.None);
        StoryState atTwelve = await harness.StateAsync(id);
        MemorySnapshot five = (await harness.Get<StoryStateStore>().GetSnapshotAsync(id, 5, CancellationToken.None))!;
        IReadOnlyList<ParagraphEntry> discardedRows = await harness.Get<StoryStateStore>().GetParagraphsAsync(id, five.ParagraphCount, CancellationToken.None);

        LineMove rewound = await harness.Get<StoryRewinder>().RewindAsync(id, 5, CancellationToken.None);

        Assert.Equal((5, five.ParagraphCount, 1, (int?)0), (rewound.Step, rewound.ParagraphCount, rewound.Branch, rewound.LeftBranch));
        StoryState atFive = await harness.StateAsync(id);
        Assert.Equal(five.ShortTermMemory, atFive.ShortTermMemory);
        Assert.Equal(five.Plans, atFive.Plans);
        Assert.Equal(five.RecommendedPlan, atFive.RecommendedPlan);
        Assert.Equal(StoryStatus.AwaitingChoice, atFive.Status);

        for (int step = 6; step <= 8; step++)
        {
            await ChooseAsync(harness, id, step, $"Rewound step {step}: Mara Quint burns the harbour ledger page number {step}.");
        }

        StoryState atEight = await harness.StateAsync(id);
        StoryText text = harness.Get<StoryText>();
        IReadOnlyList<StoredParagraph> paragraphs = await text.RangeAsync(atEight.Lines, 0, atEight.ParagraphCount, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, five.ParagraphCount + 3), paragraphs.Select(p => p.Index));
        Assert.Equal([6, 7, 8], paragraphs.Skip(five.ParagraphCount).Select(p => p.Step));

        StepRecord six = (await text.StepAsync(atEight.Lines, 6, CancellationToken.None))!;
        Assert.Equal(five.ShortTermMemory, six.Inputs.ShortTermMemory.Text);
        Assert.NotEqual(atTwelve.ShortTermMemory, six.Inputs.ShortTermMemory.Text);
        Assert.Contains("Mara Quint burns the harbour ledger page number 6", six.Inputs.ChosenPlan, StringComparison.Ordinal);

        // Recall during the three steps saw only this line's paragraphs: each one it returned is the one the line holds.
        var discarded = discardedRows.Select(row => row.Summary).ToHashSet(StringComparer.Ordinal);
        discarded.ExceptWith((await harness.Get<StoryStateStore>().GetParagraphsAsync(id, 0, five.ParagraphCount, CancellationToken.None)).Select(row => row.Summary));
        int recalled = 0;
        for (int step = 6; step <= 8; step++)
        {
            StepRecord record = (await text.StepAsync(atEight.Lines, step, CancellationToken.None))!;
            foreach (RetrievedMemory memory in record.Inputs.LongTermMemories)
            {
                recalled++;
                Assert.True(memory.ParagraphIndex < five.ParagraphCount + step - 6, $"step {step} recalled paragraph {memory.ParagraphIndex}, which it has not written yet");
                Assert.DoesNotContain(memory.Summary, discarded);
            }
        }

        Assert.True(recalled > 0, "the three steps recalled nothing, so the test proves nothing about recall");

        // The discarded branch reads back as it was, and restoring it gives the export from before the rewind, byte for byte.
        BranchSummary branch = Assert.Single((await harness.Get<StoryRewinder>().ListBranchesAsync(id, CancellationToken.None)).Branches);
        Assert.Equal((0, 5, 12, atTwelve.ParagraphCount), (branch.Branch, branch.FromStep, branch.Step, branch.ParagraphCount));
        (StoryState left, _) = await harness.Get<StoryRewinder>().GetBranchAsync(id, 0, CancellationToken.None);
        IReadOnlyList<StoredParagraph> leftText = await text.RangeAsync(left.Lines, 0, left.ParagraphCount, CancellationToken.None);
        Assert.Equal(before, StoryExport.Render(StoryExport.TitleOf(left), leftText.Select(p => p.Text), ExportFormat.Markdown));

        LineMove restored = await harness.Get<StoryRewinder>().RestoreAsync(id, 0, CancellationToken.None);

        Assert.Equal((12, 0, (int?)1), (restored.Step, restored.Branch, restored.LeftBranch));
        Assert.Equal(before, await export.RenderAsync(id, ExportFormat.Markdown, CancellationToken.None));
        StoryState back = await harness.StateAsync(id);
        Assert.Equal(atTwelve.ShortTermMemory, back.ShortTermMemory);
        Assert.Equal(atTwelve.Plans, back.Plans);
        Assert.Equal([1], (await harness.Get<StoryRewinder>().ListBranchesAsync(id, CancellationToken.None)).Branches.Select(b => b.Branch));

        // The instance followed the story back onto branch 0: it writes step 13 there.
        await ChooseAsync(harness, id, 13, "Step 13: Elias opens the lighthouse's sealed lamp room.");
        StoryState atThirteen = await harness.StateAsync(id);
        Assert.Equal(atTwelve.ParagraphCount + 1, atThirteen.ParagraphCount);
        Assert.Equal(0, atThirteen.CurrentLine.Branch);
        Assert.Empty(await harness.Get<StoryAudit>().CheckAsync(id, CancellationToken.None));
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
