using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;

using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Infrastructure.Tests.Storage;

/// <summary>
/// Ids are checked before they reach a blob name or a key. The clients point at a port where nothing listens, so any I/O
/// would fail differently; the counter proves no request was even attempted.
/// </summary>
public sealed class StoryIdGuardTests
{
    public static TheoryData<string> InvalidIds => ["", "ab", "../other-story", "Story-One", "s-abc/paragraphs", "s-abc?", "-abc", new string('a', 41)];

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public async Task Invalid_story_id_is_rejected_before_any_request(string storyId)
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        CancellationToken ct = deadline.Token;
        var requests = new RequestCounter();
        StorageClients clients = StorageTestKit.Clients(new StorageOptions { ConnectionString = UnreachableAccount }, requests);
        var paragraphs = new ParagraphStore(clients);
        var steps = new StepRecordStore(clients);
        var state = new StoryStateStore(clients);
        var catalogue = new StoryCatalogue(clients);
        var due = new DueWorkIndex(clients);
        var cache = new StoryVectorCache(state);
        StoryState story = StorageTestKit.State("s-valid") with { StoryId = storyId };
        Func<Task>[] calls =
        [
            () => paragraphs.WriteAsync(storyId, new StoredParagraph(0, "t", 0, 1, ParagraphAuthor.Model), ct),
            () => paragraphs.ReadAsync(storyId, 0, ct),
            () => paragraphs.ReadRangeAsync(storyId, 0, 3, ct),
            () => steps.ReadAsync(storyId, 1, ct),
            () => state.CreateAsync(story, ct),
            () => state.GetAsync(storyId, ct),
            () => state.ReplaceAsync(story, "W/\"etag\"", ct),
            () => state.WriteSnapshotAsync(storyId, new MemorySnapshot(1, "o", "m", [], null, 1), ct),
            () => state.GetSnapshotAsync(storyId, 1, ct),
            () => state.UpsertParagraphAsync(storyId, StorageTestKit.ParagraphRow("s-valid", 0), ct),
            () => state.GetParagraphsAsync(storyId, 0, ct),
            () => state.TryRecordChoiceAsync(storyId, new PlanChoice(1, "p", PlanChoiceSource.Own, null, DateTimeOffset.UtcNow), ct),
            () => state.GetChoiceAsync(storyId, 1, ct),
            () => catalogue.UpsertAsync(new StorySummary(storyId, "t", StoryStatus.Created, StoryMode.Auto, 0, 8, DateTimeOffset.UtcNow), ct),
            () => catalogue.GetAsync(storyId, ct),
            () => due.ScheduleAsync(new DueWork(DateTimeOffset.UtcNow, storyId, DueWorkKind.Episode, 1), ct),
            () => due.RemoveAsync(new DueWork(DateTimeOffset.UtcNow, storyId, DueWorkKind.Episode, 1), ct),
            () => cache.GetAsync(storyId, 3, ct),
        ];

        foreach (Func<Task> call in calls)
        {
            await Assert.ThrowsAsync<ArgumentException>(call);
        }

        Assert.Throws<ArgumentException>(() => cache.Invalidate(storyId, 0));
        Assert.Equal(0, requests.Requests);
    }

    [Fact]
    public async Task Paragraph_and_step_numbers_beyond_six_digits_are_rejected_before_any_request()
    {
        var requests = new RequestCounter();
        StorageClients clients = StorageTestKit.Clients(new StorageOptions { ConnectionString = UnreachableAccount }, requests);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new ParagraphStore(clients).ReadAsync("s-valid", 1_000_000, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new StoryStateStore(clients).GetSnapshotAsync("s-valid", -1, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new ParagraphStore(clients).ReadRangeAsync("s-valid", 999_990, 20, CancellationToken.None));
        Assert.Equal(0, requests.Requests);
    }

    // Port 9 (discard) on loopback: nothing answers there in the test environment.
    private const string UnreachableAccount =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + "BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";
}
