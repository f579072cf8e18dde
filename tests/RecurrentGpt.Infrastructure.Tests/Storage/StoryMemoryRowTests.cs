using System.Runtime.InteropServices;
using Azure.Data.Tables;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Infrastructure.Tests.Storage;

public sealed class StoryMemoryRowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Paragraph_row_keeps_a_384_float_embedding_bit_for_bit_as_binary()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        StorageClients clients = await StorageTestKit.ClientsAsync(azurite, deadline.Token);
        var store = new StoryStateStore(clients);
        string storyId = StoryId.New();
        float[] embedding = StorageTestKit.Embedding(7);
        embedding[0] = -0f;
        embedding[1] = float.Epsilon;
        embedding[2] = float.MaxValue;
        embedding[3] = float.NaN;
        embedding[4] = 1e-42f;
        ParagraphEntry row = StorageTestKit.ParagraphRow(storyId, 7, embedding: embedding) with { Summary = "她回来了。" };

        await store.UpsertParagraphAsync(storyId, row, deadline.Token);
        ParagraphEntry? read = await store.GetParagraphAsync(storyId, 7, deadline.Token);

        Assert.NotNull(read);
        Assert.Equal(row with { Embedding = [] }, read with { Embedding = [] });
        Assert.Equal(384, read.Embedding.Length);
        Assert.True(MemoryMarshal.AsBytes(embedding.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(read.Embedding.AsSpan())));

        TableEntity stored = (await clients.StoryMemory.GetEntityAsync<TableEntity>(storyId, "paragraph-000007", cancellationToken: deadline.Token)).Value;
        Assert.Equal(384 * 4, stored.GetBinary("Embedding")!.Length);
        Assert.Null(await store.GetParagraphAsync(storyId, 8, deadline.Token));
    }

    [Fact]
    public async Task Paragraph_rows_from_an_index_are_only_the_newer_ones_in_order()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var store = new StoryStateStore(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        string storyId = StoryId.New();
        string neighbour = StoryId.New();
        foreach (int index in Enumerable.Range(0, 12).Reverse())
        {
            await store.UpsertParagraphAsync(storyId, StorageTestKit.ParagraphRow(storyId, index), deadline.Token);
        }

        // Rows of other kinds in the same partition, and another story's paragraphs, must not leak into the range.
        await store.UpsertParagraphAsync(neighbour, StorageTestKit.ParagraphRow(neighbour, 10), deadline.Token);
        await store.WriteSnapshotAsync(storyId, new MemorySnapshot(11, "o", "m", [], null, 12), deadline.Token);
        await store.TryRecordChoiceAsync(storyId, new PlanChoice(11, "p", PlanChoiceSource.Own, null, DateTimeOffset.UnixEpoch), deadline.Token);
        await store.CreateAsync(StorageTestKit.State(storyId), deadline.Token);

        IReadOnlyList<ParagraphEntry> newer = await store.GetParagraphsAsync(storyId, 9, deadline.Token);
        IReadOnlyList<ParagraphEntry> window = await store.GetParagraphsAsync(storyId, 3, 6, deadline.Token);
        IReadOnlyList<ParagraphEntry> all = await store.GetParagraphsAsync(storyId, 0, deadline.Token);

        Assert.Equal([9, 10, 11], newer.Select(p => p.Index));
        Assert.Equal([3, 4, 5], window.Select(p => p.Index));
        Assert.Equal(Enumerable.Range(0, 12), all.Select(p => p.Index));
        Assert.Empty(await store.GetParagraphsAsync(storyId, 12, deadline.Token));
        Assert.Empty(await store.GetParagraphsAsync(storyId, 5, 5, deadline.Token));
    }

    [Fact]
    public async Task Of_eight_racing_choices_for_a_step_exactly_one_is_recorded()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var store = new StoryStateStore(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        string storyId = StoryId.New();

        for (int step = 1; step <= 5; step++)
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            PlanChoice[] choices = Enumerable.Range(0, 8)
                .Select(i => new PlanChoice(step, $"Plan {i} for step {step}", PlanChoiceSource.Edited, i % 3, DateTimeOffset.UtcNow))
                .ToArray();
            Task<bool>[] racers = choices
                .Select(choice => Task.Run(async () =>
                {
                    await start.Task;
                    return await store.TryRecordChoiceAsync(storyId, choice, deadline.Token);
                }))
                .ToArray();

            start.SetResult();
            bool[] recorded = await Task.WhenAll(racers);

            Assert.Single(recorded, won => won);
            PlanChoice winner = choices[Array.IndexOf(recorded, true)];
            Assert.Equal(winner, await store.GetChoiceAsync(storyId, step, deadline.Token));
        }

        Assert.False(await store.TryRecordChoiceAsync(storyId, new PlanChoice(1, "Late", PlanChoiceSource.Own, null, DateTimeOffset.UtcNow), deadline.Token));
        Assert.Null(await store.GetChoiceAsync(storyId, 6, deadline.Token));
    }
}
