using Microsoft.DurableTask.Client;
using RecurrentGpt.Core.Prompts;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Editing;
using RecurrentGpt.Workflow.Refusals;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Tests;

public class InteractiveStoryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29120;
    private static readonly Premise Lighthouse = new("mystery", "a lighthouse keeper named Elias Grey vanishes from a harbour town", null, StoryLanguage.English);

    [Fact]
    public async Task Waiting_story_shows_its_plans_and_a_choice_moves_it_to_the_next_step()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        string id = await StartAsync(harness, 5);

        StoryState waiting = await harness.WaitForAsync(id, s => s.Status == StoryStatus.AwaitingChoice);
        StoryStatusView status = await CustomStatusAsync(harness, id, "awaiting-choice");
        Assert.Equal(1, status.Step);
        Assert.Equal(waiting.Plans, status.Plans);

        ChoiceResult result = await harness.Get<ChoiceRecorder>().RecordAsync(id, 1, waiting.Plans[1], PlanChoiceSource.Picked, 2, CancellationToken.None);

        Assert.Equal(ChoiceResult.Recorded, result);
        StoryState next = await harness.WaitForAsync(id, s => s.Step == 1 && s.Status == StoryStatus.AwaitingChoice);
        Assert.Equal(waiting.ParagraphCount + 1, next.ParagraphCount);
        StepRecord? record = await harness.Get<StepRecordStore>().ReadAsync(id, 1, CancellationToken.None);
        Assert.Equal(waiting.Plans[1], record?.Inputs.ChosenPlan);
    }

    [Fact]
    public async Task Memory_edited_while_waiting_is_what_the_next_step_prompt_contains()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        string id = await StartAsync(harness, 5);
        await harness.WaitForAsync(id, s => s.Status == StoryStatus.AwaitingChoice);
        VersionedState current = (await harness.Get<StoryStateStore>().GetAsync(id, CancellationToken.None))!;
        string edited = current.State.ShortTermMemory + " Mara Quint has stolen the harbour master's ledger.";

        VersionedState saved = await harness.Get<MemoryEditor>().EditAsync(id, current.ETag, edited, null, CancellationToken.None);
        await harness.Get<ChoiceRecorder>().RecordAsync(id, 1, "Mara Quint hides the ledger in the chapel crypt.", PlanChoiceSource.Own, null, CancellationToken.None);
        await harness.WaitForAsync(id, s => s.Step == 1);

        Assert.Equal(edited, saved.State.ShortTermMemory);
        StepRecord record = (await harness.Get<StepRecordStore>().ReadAsync(id, 1, CancellationToken.None))!;
        Assert.Contains("Mara Quint has stolen the harbour master's ledger.", record.Inputs.ShortTermMemory.Text, StringComparison.Ordinal);
        StoryState state = await harness.StateAsync(id);
        string userPrompt = new PromptBuilder(state.Settings).Step(record.Inputs, recommend: false).Messages[1].Text;
        Assert.Contains("Mara Quint has stolen the harbour master's ledger.", userPrompt, StringComparison.Ordinal);
        Assert.Contains("Mara Quint hides the ledger in the chapel crypt.", userPrompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Memory_edit_with_a_stale_etag_is_a_conflict_and_changes_nothing()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        string id = await StartAsync(harness, 5);
        StoryState waiting = await harness.WaitForAsync(id, s => s.Status == StoryStatus.AwaitingChoice);
        VersionedState current = (await harness.Get<StoryStateStore>().GetAsync(id, CancellationToken.None))!;
        MemoryEditor editor = harness.Get<MemoryEditor>();
        VersionedState first = await editor.EditAsync(id, current.ETag, "First editor's memory.", null, CancellationToken.None);

        StoryRefusedException second = await Assert.ThrowsAsync<StoryRefusedException>(
            () => editor.EditAsync(id, current.ETag, "Second editor's memory.", null, CancellationToken.None));

        Assert.NotEqual(current.ETag, first.ETag);
        Assert.Equal(StoryRefusal.StaleVersion, second.Refusal);
        Assert.Equal("First editor's memory.", (await harness.StateAsync(id)).ShortTermMemory);
        Assert.NotEqual("First editor's memory.", waiting.ShortTermMemory);
    }

    [Fact]
    public async Task Choice_for_a_stale_step_is_ignored()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        string id = await StartAsync(harness, 5);
        StoryState waiting = await harness.WaitForAsync(id, s => s.Status == StoryStatus.AwaitingChoice);
        ChoiceRecorder recorder = harness.Get<ChoiceRecorder>();

        ChoiceResult stale = await recorder.RecordAsync(id, 3, "A plan for a step that is not next.", PlanChoiceSource.Own, null, CancellationToken.None);
        await harness.Client.RaiseEventAsync(id, WorkflowNames.PlanChosenEvent, 3);
        await recorder.RecordAsync(id, 1, waiting.Plans[0], PlanChoiceSource.Picked, 1, CancellationToken.None);
        await harness.WaitForAsync(id, s => s.Step == 1 && s.Status == StoryStatus.AwaitingChoice);

        Assert.Equal(ChoiceResult.StaleStep, stale);
        Assert.Null(await harness.Get<StoryStateStore>().GetChoiceAsync(id, 3, CancellationToken.None));
        Assert.Equal(waiting.Plans[0], (await harness.Get<StepRecordStore>().ReadAsync(id, 1, CancellationToken.None))!.Inputs.ChosenPlan);
    }

    [Fact]
    public async Task Two_racing_choices_for_one_step_use_exactly_one()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        string id = await StartAsync(harness, 5);
        StoryState waiting = await harness.WaitForAsync(id, s => s.Status == StoryStatus.AwaitingChoice);
        ChoiceRecorder recorder = harness.Get<ChoiceRecorder>();

        ChoiceResult[] results = await Task.WhenAll(
            recorder.RecordAsync(id, 1, waiting.Plans[0], PlanChoiceSource.Picked, 1, CancellationToken.None),
            recorder.RecordAsync(id, 1, waiting.Plans[2], PlanChoiceSource.Picked, 3, CancellationToken.None));
        await harness.WaitForAsync(id, s => s.Step == 1 && s.Status == StoryStatus.AwaitingChoice);

        Assert.Single(results, r => r == ChoiceResult.Recorded);
        Assert.Single(results, r => r == ChoiceResult.AlreadyChosen);
        PlanChoice stored = (await harness.Get<StoryStateStore>().GetChoiceAsync(id, 1, CancellationToken.None))!;
        Assert.Equal(stored.Plan, (await harness.Get<StepRecordStore>().ReadAsync(id, 1, CancellationToken.None))!.Inputs.ChosenPlan);
        Assert.Equal(waiting.ParagraphCount + 1, (await harness.StateAsync(id)).ParagraphCount);
    }

    internal static Task<string> StartAsync(WorkflowHarness harness, int paragraphs, TimeoutPolicy policy = TimeoutPolicy.KeepWaiting, TimeSpan? timeout = null) =>
        harness.Get<StoryStarter>().StartAsync(new NewStory(null, Lighthouse, StoryMode.Interactive, paragraphs, policy, timeout), CancellationToken.None);

    internal static async Task<StoryStatusView> CustomStatusAsync(WorkflowHarness harness, string id, string expected)
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            OrchestrationMetadata? metadata = await harness.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
            StoryStatusView? view = metadata?.ReadCustomStatusAs<StoryStatusView>();
            if (view?.Status == expected)
            {
                return view;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"custom status of {id} never became {expected}");
    }
}
