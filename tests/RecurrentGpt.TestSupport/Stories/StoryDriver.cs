using Microsoft.Extensions.DependencyInjection;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Stories;
using Xunit;

namespace RecurrentGpt.TestSupport.Stories;

/// <summary>
/// Drives an interactive story step by step through a host's services, whichever engine runs it (the in-memory test
/// engine of <see cref="WorkflowHarness"/>, or the local runtime rgpt runs): how a scenario reads the same on both.
/// </summary>
public sealed class StoryDriver(IServiceProvider services)
{
    public static readonly Premise Lighthouse = new("mystery", "a lighthouse keeper named Elias Grey vanishes from a harbour town", null, StoryLanguage.English);

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    public Task<string> StartInteractiveAsync(int paragraphs) =>
        Get<StoryStarter>().StartAsync(new NewStory(null, Lighthouse, StoryMode.Interactive, paragraphs, TimeoutPolicy.KeepWaiting, null), CancellationToken.None);

    public async Task<StoryState> StateAsync(string storyId) =>
        (await Get<StoryStateStore>().GetAsync(storyId, CancellationToken.None))?.State
        ?? throw new InvalidOperationException($"story {storyId} has no state");

    /// <summary>Polls the state row until <paramref name="condition"/> holds, failing with the last state seen after the deadline.</summary>
    public async Task<StoryState> WaitForAsync(string storyId, Func<StoryState, bool> condition, TimeSpan? timeout = null) =>
        (await Polling.UntilAsync(
            async () => (await Get<StoryStateStore>().GetAsync(storyId, CancellationToken.None))?.State,
            state => state is not null && condition(state),
            last => $"story {storyId} at step {last?.Step}, status {last?.Status}, paragraphs {last?.ParagraphCount}, reason {last?.AttentionReason}",
            timeout))!;

    /// <summary>Waits for the story to ask for step <paramref name="step"/>'s plan, gives it, and waits for the step to be committed.</summary>
    public async Task ChooseAsync(string storyId, int step, string plan)
    {
        await WaitForAsync(storyId, s => s.Step + 1 == step && s.Status == StoryStatus.AwaitingChoice);
        ChoiceResult result = await Get<ChoiceRecorder>().RecordAsync(storyId, step, plan, PlanChoiceSource.Own, null, CancellationToken.None);
        Assert.Equal(ChoiceResult.Recorded, result);
        await WaitForAsync(storyId, s => s.Step == step && s.Status is StoryStatus.AwaitingChoice or StoryStatus.Completed);
    }
}
