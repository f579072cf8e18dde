using System.Text.Json;
using System.Text.Json.Serialization;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Infrastructure.Tests.Storage;

public sealed class StoryStateStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly JsonSerializerOptions Comparison = new() { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task State_is_created_read_and_replaced_with_every_field_intact()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var store = new StoryStateStore(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        StoryState state = StorageTestKit.State(StoryId.New());

        string created = await store.CreateAsync(state, deadline.Token);
        VersionedState? read = await store.GetAsync(state.StoryId, deadline.Token);

        Assert.NotNull(read);
        Assert.Equal(created, read.ETag);
        AssertSameState(state, read.State);
        Assert.Equal(state.CreatedAt.Offset, read.State.CreatedAt.Offset);

        StoryState next = state with
        {
            Status = StoryStatus.NeedsAttention,
            AttentionReason = "the model kept failing",
            ChoiceTimeout = null,
            Serial = null,
            NextEpisodeAt = null,
            CallbackUrl = null,
            RecommendedPlan = null,
            Premise = state.Premise with { Description = null },
            Plans = [],
            Step = 8,
        };
        string replaced = await store.ReplaceAsync(next, read.ETag, deadline.Token);
        VersionedState? after = await store.GetAsync(state.StoryId, deadline.Token);

        Assert.NotNull(after);
        Assert.NotEqual(created, replaced);
        Assert.Equal(replaced, after.ETag);
        AssertSameState(next, after.State);
    }

    [Fact]
    public async Task Unset_times_and_defaults_round_trip()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var store = new StoryStateStore(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        var state = new StoryState { StoryId = StoryId.New(), Premise = new Premise("g", "t", null, StoryLanguage.English) };

        await store.CreateAsync(state, deadline.Token);

        AssertSameState(state, (await store.GetAsync(state.StoryId, deadline.Token))!.State);
    }

    [Fact]
    public async Task Creating_a_story_twice_fails_with_StoryAlreadyExists()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var store = new StoryStateStore(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        StoryState state = StorageTestKit.State(StoryId.New());
        await store.CreateAsync(state, deadline.Token);

        var conflict = await Assert.ThrowsAsync<StoryAlreadyExistsException>(() => store.CreateAsync(state with { Title = "Other" }, deadline.Token));

        Assert.Equal(state.StoryId, conflict.StoryId);
        Assert.Equal(state.Title, (await store.GetAsync(state.StoryId, deadline.Token))!.State.Title);
    }

    [Fact]
    public async Task Replace_with_a_stale_ETag_is_a_concurrency_conflict_and_changes_nothing()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var store = new StoryStateStore(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        StoryState state = StorageTestKit.State(StoryId.New());
        string first = await store.CreateAsync(state, deadline.Token);
        StoryState winner = state with { Outline = "The winner's outline.", Step = 8 };
        string current = await store.ReplaceAsync(winner, first, deadline.Token);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => store.ReplaceAsync(state with { Outline = "The loser's outline." }, first, deadline.Token));

        Assert.Equal(state.StoryId, conflict.StoryId);
        VersionedState? stored = await store.GetAsync(state.StoryId, deadline.Token);
        Assert.Equal(current, stored!.ETag);
        AssertSameState(winner, stored.State);
    }

    [Fact]
    public async Task Replacing_a_story_that_does_not_exist_is_a_concurrency_conflict()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var store = new StoryStateStore(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        StoryState state = StorageTestKit.State(StoryId.New());
        string etag = await store.CreateAsync(StorageTestKit.State(StoryId.New()), deadline.Token);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.ReplaceAsync(state, etag, deadline.Token));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ReplaceAsync(state, "*", deadline.Token));
        Assert.Null(await store.GetAsync(state.StoryId, deadline.Token));
    }

    [Fact]
    public async Task An_outline_over_the_property_limit_fails_clearly_before_writing()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var store = new StoryStateStore(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        StoryState state = StorageTestKit.State(StoryId.New()) with { Outline = new string('o', 40_000) };

        var tooLarge = await Assert.ThrowsAsync<StoredValueTooLargeException>(() => store.CreateAsync(state, deadline.Token));

        Assert.Equal("Outline", tooLarge.Property);
        Assert.Equal(80_000, tooLarge.Bytes);
        Assert.Contains("65,536", tooLarge.Message, StringComparison.Ordinal);
        Assert.Null(await store.GetAsync(state.StoryId, deadline.Token));

        // The largest outline that fits is stored whole.
        StoryState largest = state with { Outline = new string('o', 32 * 1024) };
        await store.CreateAsync(largest, deadline.Token);
        Assert.Equal(largest.Outline, (await store.GetAsync(state.StoryId, deadline.Token))!.State.Outline);
    }

    [Fact]
    public async Task Snapshots_are_kept_per_step_and_a_rewrite_replaces_one()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var store = new StoryStateStore(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        string storyId = StoryId.New();
        var first = new MemorySnapshot(1, "Outline one.", "Memory one.", ["a", "b", "c"], 1, 3);
        var second = new MemorySnapshot(2, "Outline two.", "Memory two.", ["d", "e", "f"], null, 4);

        await store.WriteSnapshotAsync(storyId, first, deadline.Token);
        await store.WriteSnapshotAsync(storyId, second, deadline.Token);
        await store.WriteSnapshotAsync(storyId, second with { ShortTermMemory = "Memory two, again." }, deadline.Token);

        AssertSameSnapshot(first, await store.GetSnapshotAsync(storyId, 1, deadline.Token));
        AssertSameSnapshot(second with { ShortTermMemory = "Memory two, again." }, await store.GetSnapshotAsync(storyId, 2, deadline.Token));
        Assert.Null(await store.GetSnapshotAsync(storyId, 3, deadline.Token));
    }

    private static void AssertSameState(StoryState expected, StoryState actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, Comparison), JsonSerializer.Serialize(actual, Comparison));

    private static void AssertSameSnapshot(MemorySnapshot expected, MemorySnapshot? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Plans = [] }, actual with { Plans = [] });
        Assert.Equal(expected.Plans, actual.Plans);
    }
}
