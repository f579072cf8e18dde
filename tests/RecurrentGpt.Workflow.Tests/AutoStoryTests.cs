using Microsoft.DurableTask.Client;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Activities;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Commit;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Tests;

public class AutoStoryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29110;
    private static readonly Premise Lighthouse = new("mystery", "a lighthouse keeper named Elias Grey vanishes from a harbour town", null, StoryLanguage.English);

    [Fact]
    public async Task Auto_story_writes_every_paragraph_contiguously_and_completes()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        string id = await harness.Get<StoryStarter>().StartAsync(new NewStory(null, Lighthouse, StoryMode.Auto, 6), CancellationToken.None);

        OrchestrationMetadata done = await WaitForCompletionAsync(harness, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        StoryState state = await harness.StateAsync(id);
        Assert.Equal(StoryStatus.Completed, state.Status);
        Assert.Equal(6, state.ParagraphCount);
        Assert.Equal(4, state.Step);
        IReadOnlyList<StoredParagraph> paragraphs = await harness.Get<ParagraphStore>().ReadRangeAsync(id, 0, 10, CancellationToken.None);
        Assert.Equal([0, 1, 2, 3, 4, 5], paragraphs.Select(p => p.Index));
        Assert.Equal(6, paragraphs.Select(p => p.Text).Distinct().Count());
        for (int step = 1; step <= 4; step++)
        {
            PlanChoice? choice = await harness.Get<StoryStateStore>().GetChoiceAsync(id, step, CancellationToken.None);
            // The opening call names no best plan, so the human simulator chooses the first step's plan.
            Assert.Equal(step == 1 ? PlanChoiceSource.Simulator : PlanChoiceSource.Recommended, choice?.Source);
            StepRecord? record = await harness.Get<StepRecordStore>().ReadAsync(id, step, CancellationToken.None);
            Assert.Equal(choice!.Plan, record?.Inputs.ChosenPlan);
            Assert.Equal(paragraphs[step + 1].Text, record!.Draft.Paragraph);
        }

        Assert.True(state.InputTokens > 0 && state.OutputTokens > 0);
        OpeningRecord? opening = await harness.Get<StepRecordStore>().ReadOpeningAsync(id, CancellationToken.None);
        Assert.Equal(state.Title, opening?.Opening.Title);
        Assert.Equal(paragraphs[0].Text, opening!.Opening.Paragraphs[0]);
        Assert.Equal(Core.Prompts.OutputSchemas.OpeningName, opening.Exchanges[0].Purpose);
    }

    [Fact]
    public async Task Commit_step_run_twice_changes_nothing()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        string id = await harness.Get<StoryStarter>().StartAsync(new NewStory(null, Lighthouse, StoryMode.Auto, 4), CancellationToken.None);
        await WaitForCompletionAsync(harness, id);
        StoryStateStore states = harness.Get<StoryStateStore>();
        VersionedState before = (await states.GetAsync(id, CancellationToken.None))!;
        IReadOnlyList<ParagraphEntry> rowsBefore = await states.GetParagraphsAsync(id, 0, CancellationToken.None);

        var commit = new CommitStepActivity(
            harness.Get<StoryStateUpdater>(), states, harness.Get<StepRecordStore>(), harness.Get<ParagraphCommitter>(),
            harness.Get<StoryCatalogue>(), harness.Get<ChoiceDeadlines>(), TimeProvider.System);
        StoryProgress again = await commit.RunAsync(null!, new StepRef(id, 2));

        VersionedState after = (await states.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(4, again.ParagraphCount);
        IReadOnlyList<ParagraphEntry> rowsAfter = await states.GetParagraphsAsync(id, 0, CancellationToken.None);
        Assert.Equal(rowsBefore.Select(r => (r.Index, r.Summary, r.Revision)), rowsAfter.Select(r => (r.Index, r.Summary, r.Revision)));
    }

    internal static async Task<OrchestrationMetadata> WaitForCompletionAsync(WorkflowHarness harness, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        return await harness.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }
}
