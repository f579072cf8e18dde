using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Functions.Tests;

public class StoryThroughFunctionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29181;

    [Fact]
    public async Task An_auto_story_runs_to_its_last_paragraph_through_the_orchestrator_and_activity_functions()
    {
        await using FunctionsHarness harness = await FunctionsHarness.StartAsync(azurite, Port);
        var premise = new Premise("mystery", "a lighthouse keeper finds a message in a bottle", null, StoryLanguage.English);

        string id = await harness.StartStoryAsync(new NewStory(null, premise, StoryMode.Auto, 4));
        StoryState done = await harness.WaitForAsync(id, s => s.Status is StoryStatus.Completed or StoryStatus.NeedsAttention);

        Assert.Equal(StoryStatus.Completed, done.Status);
        Assert.Equal(4, done.ParagraphCount);
        IReadOnlyList<StoredParagraph> paragraphs = await harness.Get<ParagraphStore>().ReadRangeAsync(id, 0, 4, CancellationToken.None);
        Assert.Equal(4, paragraphs.Count);
        Assert.NotNull(await harness.Get<StepRecordStore>().ReadAsync(id, done.Step, CancellationToken.None));
        await harness.CustomStatusAsync(id, "completed");
    }
}
