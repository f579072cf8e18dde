using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Infrastructure.Tests.Storage;

public sealed class StoryCatalogueTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Catalogue_lists_the_most_recently_updated_stories_first()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var catalogue = new StoryCatalogue(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        StorySummary[] stories = Enumerable.Range(0, 5)
            .Select(i => new StorySummary(StoryId.New(), $"Story {i}", StoryStatus.Writing, StoryMode.Auto, i, 40, start.AddHours(i)))
            .ToArray();
        foreach (StorySummary story in stories)
        {
            await catalogue.UpsertAsync(story, deadline.Token);
        }

        // Story 1 is updated last, so it moves to the front.
        StorySummary touched = stories[1] with { Status = StoryStatus.Completed, ParagraphCount = 40, UpdatedAt = start.AddDays(1) };
        await catalogue.UpsertAsync(touched, deadline.Token);

        IReadOnlyList<StorySummary> listed = await catalogue.ListAsync(10, deadline.Token);
        IReadOnlyList<StorySummary> top = await catalogue.ListAsync(2, deadline.Token);

        Assert.Equal([touched, stories[4], stories[3], stories[2], stories[0]], listed);
        Assert.Equal([touched, stories[4]], top);
        Assert.Empty(await catalogue.ListAsync(0, deadline.Token));
        Assert.Equal(touched, await catalogue.GetAsync(touched.StoryId, deadline.Token));
        Assert.Null(await catalogue.GetAsync(StoryId.New(), deadline.Token));
    }

    [Fact]
    public async Task Serial_next_episode_time_is_stored_and_removed_when_cleared()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var catalogue = new StoryCatalogue(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        var waiting = new StorySummary(
            StoryId.New(), "A serial", StoryStatus.AwaitingEpisode, StoryMode.Auto, 6, 40,
            new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero));

        await catalogue.UpsertAsync(waiting, deadline.Token);
        StorySummary? stored = await catalogue.GetAsync(waiting.StoryId, deadline.Token);
        StorySummary writing = waiting with { Status = StoryStatus.Writing, NextEpisodeAt = null };
        await catalogue.UpsertAsync(writing, deadline.Token);

        Assert.Equal(waiting, stored);
        Assert.Equal(writing, await catalogue.GetAsync(waiting.StoryId, deadline.Token));
    }
}
