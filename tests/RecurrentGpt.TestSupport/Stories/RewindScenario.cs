using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Lines;
using RecurrentGpt.Workflow.Stories;
using Xunit;

namespace RecurrentGpt.TestSupport.Stories;

/// <summary>
/// The rewind the tree is judged by, run on any engine: a 12-step story rewound to step 5 and continued 3 steps is
/// contiguous, step 6 starts from snapshot-5's memory, no recall returns a discarded paragraph, the discarded branch reads
/// back byte for byte, and restoring it gives the export from before the rewind; the instance then writes on there.
/// </summary>
public static class RewindScenario
{
    public static async Task TwelveStepsRewoundToFiveAsync(StoryDriver story)
    {
        string id = await story.StartInteractiveAsync(40);
        for (int step = 1; step <= 12; step++)
        {
            await story.ChooseAsync(id, step, $"Step {step}: Elias follows the trail of the brass key to place number {step}.");
        }

        StoryStateStore states = story.Get<StoryStateStore>();
        StoryRewinder rewinder = story.Get<StoryRewinder>();
        StoryExport export = story.Get<StoryExport>();
        string before = await export.RenderAsync(id, ExportFormat.Markdown, CancellationToken.None);
        StoryState atTwelve = await story.StateAsync(id);
        MemorySnapshot five = (await states.GetSnapshotAsync(id, 5, CancellationToken.None))!;
        IReadOnlyList<ParagraphEntry> discardedRows = await states.GetParagraphsAsync(id, five.ParagraphCount, CancellationToken.None);

        LineMove rewound = await rewinder.RewindAsync(id, 5, CancellationToken.None);

        Assert.Equal((5, five.ParagraphCount, 1, (int?)0), (rewound.Step, rewound.ParagraphCount, rewound.Branch, rewound.LeftBranch));
        StoryState atFive = await story.StateAsync(id);
        Assert.Equal(five.ShortTermMemory, atFive.ShortTermMemory);
        Assert.Equal(five.Plans, atFive.Plans);
        Assert.Equal(five.RecommendedPlan, atFive.RecommendedPlan);
        Assert.Equal(StoryStatus.AwaitingChoice, atFive.Status);

        for (int step = 6; step <= 8; step++)
        {
            await story.ChooseAsync(id, step, $"Rewound step {step}: Mara Quint burns the harbour ledger page number {step}.");
        }

        StoryState atEight = await story.StateAsync(id);
        StoryText text = story.Get<StoryText>();
        IReadOnlyList<StoredParagraph> paragraphs = await text.RangeAsync(atEight.Lines, 0, atEight.ParagraphCount, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, five.ParagraphCount + 3), paragraphs.Select(p => p.Index));
        Assert.Equal([6, 7, 8], paragraphs.Skip(five.ParagraphCount).Select(p => p.Step));

        StepRecord six = (await text.StepAsync(atEight.Lines, 6, CancellationToken.None))!;
        Assert.Equal(five.ShortTermMemory, six.Inputs.ShortTermMemory.Text);
        Assert.NotEqual(atTwelve.ShortTermMemory, six.Inputs.ShortTermMemory.Text);
        Assert.Contains("Mara Quint burns the harbour ledger page number 6", six.Inputs.ChosenPlan, StringComparison.Ordinal);

        // Recall during the three steps saw only this line's paragraphs: each one it returned is the one the line holds.
        var discarded = discardedRows.Select(row => row.Summary).ToHashSet(StringComparer.Ordinal);
        discarded.ExceptWith((await states.GetParagraphsAsync(id, 0, five.ParagraphCount, CancellationToken.None)).Select(row => row.Summary));
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
        BranchSummary branch = Assert.Single((await rewinder.ListBranchesAsync(id, CancellationToken.None)).Branches);
        Assert.Equal((0, 5, 12, atTwelve.ParagraphCount), (branch.Branch, branch.FromStep, branch.Step, branch.ParagraphCount));
        (StoryState left, _) = await rewinder.GetBranchAsync(id, 0, CancellationToken.None);
        IReadOnlyList<StoredParagraph> leftText = await text.RangeAsync(left.Lines, 0, left.ParagraphCount, CancellationToken.None);
        Assert.Equal(before, StoryExport.Render(StoryExport.TitleOf(left), leftText.Select(p => p.Text), ExportFormat.Markdown));

        LineMove restored = await rewinder.RestoreAsync(id, 0, CancellationToken.None);

        Assert.Equal((12, 0, (int?)1), (restored.Step, restored.Branch, restored.LeftBranch));
        Assert.Equal(before, await export.RenderAsync(id, ExportFormat.Markdown, CancellationToken.None));
        StoryState back = await story.StateAsync(id);
        Assert.Equal(atTwelve.ShortTermMemory, back.ShortTermMemory);
        Assert.Equal(atTwelve.Plans, back.Plans);
        Assert.Equal([1], (await rewinder.ListBranchesAsync(id, CancellationToken.None)).Branches.Select(b => b.Branch));

        // The instance followed the story back onto branch 0: it writes step 13 there.
        await story.ChooseAsync(id, 13, "Step 13: Elias opens the lighthouse's sealed lamp room.");
        StoryState atThirteen = await story.StateAsync(id);
        Assert.Equal(atTwelve.ParagraphCount + 1, atThirteen.ParagraphCount);
        Assert.Equal(0, atThirteen.CurrentLine.Branch);
        Assert.Empty(await story.Get<StoryAudit>().CheckAsync(id, CancellationToken.None));
    }
}
