using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Infrastructure.Tests.Storage;

/// <summary>The index is one partition shared by this class's tests, so each test removes what it scheduled.</summary>
public sealed class DueWorkIndexTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Sweep_reads_only_due_entries_earliest_first()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var index = new DueWorkIndex(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        DueWork[] due =
        [
            new(Now.AddHours(-3), StoryId.New(), DueWorkKind.Episode, 0),
            // 11:00 UTC, written with a +02:00 offset: ordered by its UTC instant, returned with its own offset.
            new(new DateTimeOffset(2025, 6, 1, 13, 0, 0, TimeSpan.FromHours(2)), StoryId.New(), DueWorkKind.ChoiceDeadline, 4),
            new(Now.AddMinutes(-1), StoryId.New(), DueWorkKind.ChoiceDoorbell, 12),
            new(Now, StoryId.New(), DueWorkKind.ChoiceDeadline, 999_999),
        ];
        DueWork[] future =
        [
            new(Now.AddTicks(1), StoryId.New(), DueWorkKind.ChoiceDeadline, 5),
            new(Now.AddDays(30), StoryId.New(), DueWorkKind.Episode, 1),
        ];
        DueWork[] all = [.. due, .. future];
        try
        {
            foreach (DueWork work in all.Reverse())
            {
                await index.ScheduleAsync(work, deadline.Token);
            }

            await index.ScheduleAsync(due[2], deadline.Token);

            IReadOnlyList<DueWork> listed = await index.ListDueAsync(Now, 100, deadline.Token);
            IReadOnlyList<DueWork> capped = await index.ListDueAsync(Now, 2, deadline.Token);

            Assert.Equal(due, listed);
            Assert.Equal(TimeSpan.FromHours(2), listed[1].DueAt.Offset);
            Assert.Equal(due[..2], capped);
            Assert.Empty(await index.ListDueAsync(Now.AddHours(-4), 100, deadline.Token));
            Assert.Equal(all, await index.ListDueAsync(Now.AddYears(1), 100, deadline.Token));
        }
        finally
        {
            foreach (DueWork work in all)
            {
                await index.RemoveAsync(work, CancellationToken.None);
            }
        }
    }

    [Fact]
    public async Task Removed_entries_are_no_longer_due_and_removing_twice_is_fine()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var index = new DueWorkIndex(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        string storyId = StoryId.New();
        var deadlineWork = new DueWork(Now.AddMinutes(-5), storyId, DueWorkKind.ChoiceDeadline, 3);
        var doorbell = new DueWork(Now.AddMinutes(-5), storyId, DueWorkKind.ChoiceDoorbell, 3);
        try
        {
            await index.ScheduleAsync(deadlineWork, deadline.Token);
            await index.ScheduleAsync(doorbell, deadline.Token);

            await index.RemoveAsync(deadlineWork, deadline.Token);
            await index.RemoveAsync(deadlineWork, deadline.Token);

            Assert.Equal([doorbell], await index.ListDueAsync(Now, 100, deadline.Token));
            Assert.StartsWith($"{Now.AddMinutes(-5).UtcTicks:D19}-{storyId}-ChoiceDoorbell-000003", DueWorkIndex.RowKey(doorbell), StringComparison.Ordinal);
        }
        finally
        {
            await index.RemoveAsync(doorbell, CancellationToken.None);
        }
    }
}
