using Microsoft.DurableTask.Client;
using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Story;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Tests;

public class NeedsAttentionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29140;

    [Fact]
    public async Task Model_failing_past_its_retries_leaves_the_story_needing_attention_until_a_retry_succeeds()
    {
        await using ChatCompletionsServer model = await ChatCompletionsServer.StartAsync();
        bool stepCallsFail = true;
        model.WhenScriptIsEmpty = OfflineWriterReplies.StepCallsFailWhile(() => stepCallsFail, "the model is down");
        IChatClient chat = model.ChatClient();
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port, chat, configure: o => o.ModelAttempts = 2);
        var premise = new Premise("mystery", "a lighthouse keeper named Elias Grey vanishes", null, StoryLanguage.English);
        string id = await harness.Get<StoryStarter>().StartAsync(new NewStory(null, premise, StoryMode.Auto, 4), CancellationToken.None);

        StoryState failing = await harness.WaitForAsync(id, s => s.Status == StoryStatus.NeedsAttention);
        StoryStatusView view = await InteractiveStoryTests.CustomStatusAsync(harness, id, "needs-attention");
        int stepRequests = model.Requests.Count(OfflineWriterReplies.IsStepCall);

        Assert.Contains("the model is down", failing.AttentionReason, StringComparison.Ordinal);
        Assert.Equal(failing.AttentionReason, view.Reason);
        Assert.Equal(2, stepRequests);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await harness.Client.GetInstanceAsync(id))!.RuntimeStatus);

        stepCallsFail = false;
        await harness.Client.RaiseEventAsync(id, WorkflowNames.RetryEvent, null);
        OrchestrationMetadata done = await AutoStoryTests.WaitForCompletionAsync(harness, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        StoryState completed = await harness.StateAsync(id);
        Assert.Equal(4, completed.ParagraphCount);
        Assert.Null(completed.AttentionReason);
    }
}
