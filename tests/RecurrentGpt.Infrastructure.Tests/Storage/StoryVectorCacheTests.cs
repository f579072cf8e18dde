using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;
using Xunit.Abstractions;

namespace RecurrentGpt.Infrastructure.Tests.Storage;

public sealed class StoryVectorCacheTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task First_use_loads_every_row_then_refresh_reads_only_the_new_ones()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var store = new StoryStateStore(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        var cache = new StoryVectorCache(store);
        string storyId = StoryId.New();
        await WriteRowsAsync(store, storyId, 0, 5, deadline.Token);

        StoryVectors vectors = await cache.GetAsync(storyId, 5, deadline.Token);
        Assert.Equal((1, 5), (cache.ParagraphQueries, cache.ParagraphRowsRead));
        Assert.Equal(5, vectors.Count);

        await WriteRowsAsync(store, storyId, 5, 3, deadline.Token);
        StoryVectors refreshed = await cache.GetAsync(storyId, 7, deadline.Token);
        Assert.Equal((2, 7), (cache.ParagraphQueries, cache.ParagraphRowsRead));
        Assert.Equal(7, refreshed.Count);

        // Nothing new: no request at all.
        await cache.GetAsync(storyId, 7, deadline.Token);
        Assert.Equal((2, 7), (cache.ParagraphQueries, cache.ParagraphRowsRead));

        IReadOnlyList<RetrievedMemory> recalled = refreshed.Recall(StorageTestKit.Embedding(6), 3, excludedParagraph: 6);
        Assert.Equal(3, recalled.Count);
        Assert.DoesNotContain(recalled, memory => memory.ParagraphIndex == 6);
        RetrievedMemory best = refreshed.Recall(StorageTestKit.Embedding(5), 1)[0];
        Assert.Equal((5, "Summary of paragraph 5.", (string?)null), (best.ParagraphIndex, best.Summary, best.FullText));
    }

    [Fact]
    public async Task A_step_reads_as_much_at_paragraph_50_as_at_paragraph_5()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var requests = new RequestCounter();
        var store = new StoryStateStore(await StorageTestKit.ClientsAsync(azurite, deadline.Token, requests));
        var cache = new StoryVectorCache(store);
        string storyId = StoryId.New();
        var perStep = new Dictionary<int, (long Queries, long Rows, long Requests, long Bytes)>();

        for (int paragraph = 0; paragraph < 50; paragraph++)
        {
            await store.UpsertParagraphAsync(storyId, StorageTestKit.ParagraphRow(storyId, paragraph), deadline.Token);
            (long queries, long rows, long sent, long bytes) = (cache.ParagraphQueries, cache.ParagraphRowsRead, requests.Requests, requests.ResponseBytes);

            StoryVectors vectors = await cache.GetAsync(storyId, paragraph + 1, deadline.Token);
            _ = vectors.Recall(StorageTestKit.Embedding(paragraph), 3, excludedParagraph: paragraph);

            perStep[paragraph + 1] = (cache.ParagraphQueries - queries, cache.ParagraphRowsRead - rows, requests.Requests - sent, requests.ResponseBytes - bytes);
        }

        output.WriteLine("paragraphs | cache queries | rows read | HTTP requests | response bytes");
        foreach (int count in new[] { 5, 50 })
        {
            output.WriteLine($"{count,10} | {perStep[count].Queries,13} | {perStep[count].Rows,9} | {perStep[count].Requests,13} | {perStep[count].Bytes,14}");
        }

        Assert.Equal((1, 1, 1), (perStep[5].Queries, perStep[5].Rows, perStep[5].Requests));
        Assert.Equal((1, 1, 1), (perStep[50].Queries, perStep[50].Rows, perStep[50].Requests));
        Assert.InRange(perStep[50].Bytes, 1, perStep[5].Bytes * 11 / 10);

        // A cold cache (a new process) pays for the whole story once.
        var cold = new StoryVectorCache(store);
        await cold.GetAsync(storyId, 50, deadline.Token);
        Assert.Equal((1, 50), (cold.ParagraphQueries, cold.ParagraphRowsRead));
    }

    [Fact]
    public async Task An_invalidated_paragraph_is_read_again_with_its_new_revision()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var store = new StoryStateStore(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        var cache = new StoryVectorCache(store);
        string storyId = StoryId.New();
        await WriteRowsAsync(store, storyId, 0, 6, deadline.Token);
        StoryVectors vectors = await cache.GetAsync(storyId, 6, deadline.Token);

        // The writer rewrites paragraph 2 so that it now matches paragraph 40's direction.
        ParagraphEntry edited = StorageTestKit.ParagraphRow(storyId, 2, revision: 2, summary: "Edited.", embedding: StorageTestKit.Embedding(40));
        await store.UpsertParagraphAsync(storyId, edited, deadline.Token);
        await cache.GetAsync(storyId, 6, deadline.Token);
        Assert.Equal("Summary of paragraph 2.", vectors.SummaryOf(2));

        cache.Invalidate(storyId, 2);
        long rowsBefore = cache.ParagraphRowsRead;
        await cache.GetAsync(storyId, 6, deadline.Token);

        Assert.Equal(1, cache.ParagraphRowsRead - rowsBefore);
        Assert.Equal("Edited.", vectors.SummaryOf(2));
        Assert.Equal(2, vectors.RevisionOf(2));
        Assert.Equal(2, vectors.Recall(StorageTestKit.Embedding(40), 1)[0].ParagraphIndex);
        await cache.GetAsync(storyId, 6, deadline.Token);
        Assert.Equal(1, cache.ParagraphRowsRead - rowsBefore);
    }

    [Fact]
    public async Task Least_recently_used_story_is_dropped_beyond_capacity()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var store = new StoryStateStore(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        var cache = new StoryVectorCache(store, capacity: 2);
        string[] stories = [StoryId.New(), StoryId.New(), StoryId.New()];
        foreach (string storyId in stories)
        {
            await WriteRowsAsync(store, storyId, 0, 4, deadline.Token);
        }

        await cache.GetAsync(stories[0], 4, deadline.Token);
        await cache.GetAsync(stories[1], 4, deadline.Token);
        await cache.GetAsync(stories[0], 4, deadline.Token);
        await cache.GetAsync(stories[2], 4, deadline.Token);
        Assert.Equal(2, cache.CachedStories);
        Assert.Equal(12, cache.ParagraphRowsRead);

        await cache.GetAsync(stories[0], 4, deadline.Token);
        Assert.Equal(12, cache.ParagraphRowsRead);
        await cache.GetAsync(stories[1], 4, deadline.Token);
        Assert.Equal(16, cache.ParagraphRowsRead);
        Assert.Equal(2, cache.CachedStories);
    }

    [Fact]
    public async Task Missing_rows_fail_clearly_and_a_retry_reads_only_what_was_missing()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var store = new StoryStateStore(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        var cache = new StoryVectorCache(store);
        string storyId = StoryId.New();
        await WriteRowsAsync(store, storyId, 0, 3, deadline.Token);

        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync(storyId, 5, deadline.Token));
        Assert.Contains("row 3 is missing", missing.Message, StringComparison.Ordinal);

        await WriteRowsAsync(store, storyId, 3, 2, deadline.Token);
        long rowsBefore = cache.ParagraphRowsRead;
        StoryVectors vectors = await cache.GetAsync(storyId, 5, deadline.Token);

        Assert.Equal(5, vectors.Count);
        Assert.Equal(2, cache.ParagraphRowsRead - rowsBefore);
    }

    [Fact]
    public async Task Going_back_to_an_earlier_step_forgets_the_later_paragraphs()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var store = new StoryStateStore(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        var cache = new StoryVectorCache(store);
        string storyId = StoryId.New();
        await WriteRowsAsync(store, storyId, 0, 8, deadline.Token);
        await cache.GetAsync(storyId, 8, deadline.Token);

        StoryVectors restored = await cache.GetAsync(storyId, 4, deadline.Token);

        Assert.Equal(4, restored.Count);
        Assert.All(restored.Recall(StorageTestKit.Embedding(7), 10), memory => Assert.InRange(memory.ParagraphIndex, 0, 3));
    }

    private static async Task WriteRowsAsync(StoryStateStore store, string storyId, int first, int count, CancellationToken cancellationToken)
    {
        for (int index = first; index < first + count; index++)
        {
            await store.UpsertParagraphAsync(storyId, StorageTestKit.ParagraphRow(storyId, index), cancellationToken);
        }
    }
}
