using RecurrentGpt.Core.Story;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Tests.Lines;

/// <summary>An interactive lighthouse story, and steps given one at a time: how the tree's tests drive a story.</summary>
internal static class InteractiveSteps
{
    public static readonly Premise Lighthouse = new("mystery", "a lighthouse keeper named Elias Grey vanishes from a harbour town", null, StoryLanguage.English);

    public static Task<string> StartAsync(WorkflowHarness harness, int paragraphs) =>
        harness.Get<StoryStarter>().StartAsync(new NewStory(null, Lighthouse, StoryMode.Interactive, paragraphs, TimeoutPolicy.KeepWaiting, null), CancellationToken.None);

    /// <summary>Waits for the story to ask for step <paramref name="step"/>'s plan, gives it, and waits for the step to be committed.</summary>
    public static async Task ChooseAsync(WorkflowHarness harness, string id, int step, string plan)
    {
        await harness.WaitForAsync(id, s => s.Step + 1 == step && s.Status == StoryStatus.AwaitingChoice);
        ChoiceResult result = await harness.Get<ChoiceRecorder>().RecordAsync(id, step, plan, PlanChoiceSource.Own, null, CancellationToken.None);
        Assert.Equal(ChoiceResult.Recorded, result);
        await harness.WaitForAsync(id, s => s.Step == step && s.Status is StoryStatus.AwaitingChoice or StoryStatus.Completed);
    }
}
