using Azure.Storage.Blobs;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Tests;

/// <summary>The audit finds a story whole after it is written, and names each kind of damage done to it afterwards.</summary>
public class StoryAuditTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29115;
    private static readonly Premise Lighthouse = new("mystery", "a lighthouse keeper named Elias Grey vanishes from a harbour town", null, StoryLanguage.English);

    [Fact]
    public async Task A_written_story_is_whole_and_its_tokens_are_the_sum_of_its_records_the_simulator_pick_included()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        string id = await harness.Get<StoryStarter>().StartAsync(new NewStory(null, Lighthouse, StoryMode.Auto, 6), CancellationToken.None);
        await harness.WaitForAsync(id, s => s.Status == StoryStatus.Completed);

        Assert.Empty(await harness.Get<StoryAudit>().CheckAsync(id, CancellationToken.None));
        PlanChoice? first = await harness.Get<StoryStateStore>().GetChoiceAsync(id, 1, CancellationToken.None);
        Assert.Equal(PlanChoiceSource.Simulator, first?.Source);
        Assert.True(first!.Usage!.InputTokens > 0);
        Assert.Equal(first.Usage, (await harness.Get<StepRecordStore>().ReadAsync(id, 1, CancellationToken.None))!.ChoiceUsage);
    }

    [Fact]
    public async Task Damage_to_paragraphs_rows_records_or_tokens_is_named_one_finding_each()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        string id = await harness.Get<StoryStarter>().StartAsync(new NewStory(null, Lighthouse, StoryMode.Auto, 6), CancellationToken.None);
        StoryState done = await harness.WaitForAsync(id, s => s.Status == StoryStatus.Completed);
        BlobContainerClient container = harness.Get<StorageClients>().Container;
        StoryStateStore states = harness.Get<StoryStateStore>();

        await container.DeleteBlobAsync(StorageKeys.ParagraphBlob(id, 3));
        await harness.Get<ParagraphStore>().WriteAsync(id, new StoredParagraph(6, "A paragraph nobody committed.", 5, 1, ParagraphAuthor.Model), CancellationToken.None);
        await container.DeleteBlobAsync(StorageKeys.StepBlob(id, 2));
        await states.ReplaceAsync(done with { InputTokens = done.InputTokens + 1 }, (await states.GetAsync(id, CancellationToken.None))!.ETag, CancellationToken.None);

        IReadOnlyList<string> findings = await harness.Get<StoryAudit>().CheckAsync(id, CancellationToken.None);

        Assert.Contains("paragraph 3 has no blob", findings);
        Assert.Contains("paragraph 6 has a blob, but only 6 paragraphs are counted", findings);
        Assert.Contains("step 2 is committed but has no record", findings);
        Assert.Contains(findings, f => f.StartsWith("the story counts", StringComparison.Ordinal) && f.Contains("tokens in", StringComparison.Ordinal));
    }
}
