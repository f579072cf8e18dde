using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Lines;
using RecurrentGpt.Workflow.Refusals;
using RecurrentGpt.Workflow.Stories;
using static RecurrentGpt.Workflow.Tests.Lines.InteractiveSteps;

namespace RecurrentGpt.Workflow.Tests.Lines;

/// <summary>Alternatives on the real engine over Azurite: the last step written again from its record's inputs, and any take brought back.</summary>
public class RegenerateTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29193;

    [Fact]
    public async Task Regenerated_twice_then_take_one_chosen_the_export_and_the_next_steps_memory_follow_take_one()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        string id = await StartAsync(harness, 20);
        for (int step = 1; step <= 3; step++)
        {
            await ChooseAsync(harness, id, step, $"Step {step}: Elias searches the harbour for the keeper's boat, pier {step}.");
        }

        StoryText text = harness.Get<StoryText>();
        StoryRegenerator regenerator = harness.Get<StoryRegenerator>();
        StoryState atThree = await harness.StateAsync(id);
        StepRecord first = (await text.StepAsync(atThree.Lines, 3, CancellationToken.None))!;
        string firstParagraph = (await text.ParagraphAsync(atThree, atThree.ParagraphCount - 1, CancellationToken.None))!.Text;

        var takes = new List<(StepRecord Record, string Paragraph)> { (first, firstParagraph) };
        for (int again = 2; again <= 3; again++)
        {
            LineMove regenerated = await regenerator.RegenerateAsync(id, CancellationToken.None);
            Assert.Equal((2, StoryStatus.Writing), (regenerated.Step, regenerated.Status));
            StoryState written = await harness.WaitForAsync(id, s => s.Step == 3 && s.Status == StoryStatus.AwaitingChoice);
            Assert.Equal(atThree.ParagraphCount, written.ParagraphCount);
            StepRecord record = (await text.StepAsync(written.Lines, 3, CancellationToken.None))!;

            // The same inputs, read from the first take's record: plan, memory before, recalled memories, previous paragraph.
            Assert.Equal(again, record.Inputs.Take);
            Assert.Equal(
                (first.Inputs.ChosenPlan, first.Inputs.ShortTermMemory.Text, first.Inputs.PreviousParagraph, first.Inputs.Outline, first.Inputs.Step),
                (record.Inputs.ChosenPlan, record.Inputs.ShortTermMemory.Text, record.Inputs.PreviousParagraph, record.Inputs.Outline, record.Inputs.Step));
            Assert.Equal(first.Inputs.LongTermMemories, record.Inputs.LongTermMemories);
            takes.Add((record, (await text.ParagraphAsync(written, written.ParagraphCount - 1, CancellationToken.None))!.Text));
        }

        Assert.Equal(3, takes.Select(take => take.Paragraph).Distinct(StringComparer.Ordinal).Count());
        IReadOnlyList<StepAlternative> alternatives = await regenerator.AlternativesAsync(id, 3, CancellationToken.None);
        Assert.Equal([false, false, true], alternatives.Select(take => take.Stands));

        LineMove chosen = await regenerator.ChooseAsync(id, 3, 1, CancellationToken.None);

        Assert.Equal((3, 0), (chosen.Step, chosen.Branch));
        StoryState back = await harness.WaitForAsync(id, s => s.Step == 3 && s.Status == StoryStatus.AwaitingChoice);
        Assert.Equal(first.MemoryAfter, back.ShortTermMemory);
        string export = await harness.Get<StoryExport>().RenderAsync(id, ExportFormat.Markdown, CancellationToken.None);
        Assert.Contains(takes[0].Paragraph.Trim(), export, StringComparison.Ordinal);
        Assert.DoesNotContain(takes[1].Paragraph.Trim(), export, StringComparison.Ordinal);
        Assert.DoesNotContain(takes[2].Paragraph.Trim(), export, StringComparison.Ordinal);

        await ChooseAsync(harness, id, 4, "Step 4: Elias rows out to the reef at dawn.");
        StoryState atFour = await harness.StateAsync(id);
        StepRecord four = (await text.StepAsync(atFour.Lines, 4, CancellationToken.None))!;
        Assert.Equal(first.MemoryAfter, four.Inputs.ShortTermMemory.Text);
        Assert.Equal(takes[0].Paragraph, four.Inputs.PreviousParagraph);
        Assert.Equal([true, false, false], (await regenerator.AlternativesAsync(id, 3, CancellationToken.None)).Select(take => take.Stands));

        // The timeline says so: step 3 has three takes and the first stands; the other two leave after step 2.
        Timeline timeline = await harness.Get<StoryTimeline>().ReadAsync(id, 1, 50, CancellationToken.None);
        Assert.Equal([1, 2, 3, 4], timeline.Steps.Select(step => step.Step));
        Assert.Equal([1, 1, 3, 1], timeline.Steps.Select(step => step.Takes.Count));
        Assert.True(timeline.Steps[2].Takes[0].Stands);
        Assert.Equal([1, 2], timeline.Steps[1].BranchesLeaving);
        Assert.All(timeline.Steps, step => Assert.Equal((PlanChoiceSource.Own, ParagraphAuthor.Model, false), (step.PlanSource!.Value, step.Author!.Value, step.Inherited)));
        Assert.Equal("Step 4: Elias rows out to the reef at dawn.", timeline.Steps[3].Plan);
        Assert.All(timeline.Steps, step => Assert.True(step.Words > 0));
        Assert.Empty(await harness.Get<StoryAudit>().CheckAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task A_take_that_does_not_exist_one_that_stands_and_a_story_with_no_step_are_refused()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        string id = await StartAsync(harness, 10);
        await harness.WaitForAsync(id, s => s.Status == StoryStatus.AwaitingChoice);
        StoryRegenerator regenerator = harness.Get<StoryRegenerator>();

        StoryRefusedException nothing = await Assert.ThrowsAsync<StoryRefusedException>(() => regenerator.RegenerateAsync(id, CancellationToken.None));
        await ChooseAsync(harness, id, 1, "Elias climbs the tower.");
        VersionedState before = (await harness.Get<StoryStateStore>().GetAsync(id, CancellationToken.None))!;
        StoryRefusedException missing = await Assert.ThrowsAsync<StoryRefusedException>(() => regenerator.ChooseAsync(id, 1, 2, CancellationToken.None));
        StoryRefusedException standing = await Assert.ThrowsAsync<StoryRefusedException>(() => regenerator.ChooseAsync(id, 1, 1, CancellationToken.None));
        StoryRefusedException noStep = await Assert.ThrowsAsync<StoryRefusedException>(() => regenerator.ChooseAsync(id, 5, 1, CancellationToken.None));

        Assert.Equal(
            (StoryRefusal.StepNotFound, StoryRefusal.AlternativeNotFound, StoryRefusal.AlreadyAtStep, StoryRefusal.StepNotFound),
            (nothing.Refusal, missing.Refusal, standing.Refusal, noStep.Refusal));
        Assert.Equal(before.ETag, (await harness.Get<StoryStateStore>().GetAsync(id, CancellationToken.None))!.ETag);
    }
}
