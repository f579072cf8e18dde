using RecurrentGpt.Core.Story;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Local.Tests.Cli;

/// <summary>
/// <c>rgpt fork</c> killed with SIGKILL at each write it makes, before the write lands and after: the fork is whole (and
/// <c>rgpt resume</c> writes it to its end) or absent (and the same fork can be made again), and its parent is unchanged
/// to the byte, blobs and rows with their ETags, after the fork has written its own steps.
/// </summary>
public class ForkKillTests(AzuriteFixture azurite) : LineMoveKills(azurite, "fork")
{
    /// <summary>The writes a fork makes, in order: its due-work entry, its state row, its catalogue entry, its instance's message and row.</summary>
    public static TheoryData<string, TrapAction> KillPoints => new()
    {
        { "PUT /devstoreaccount1/DueWork(", TrapAction.After },
        { "POST /devstoreaccount1/StoryMemory?", TrapAction.Before },
        { "POST /devstoreaccount1/StoryMemory?", TrapAction.After },
        { "PUT /devstoreaccount1/Stories(", TrapAction.After },
        { "POST /devstoreaccount1/recurrentgpt-control-", TrapAction.Before },
        { "POST /devstoreaccount1/recurrentgpt-control-", TrapAction.After },
        { "POST /devstoreaccount1/RecurrentGptInstances?", TrapAction.After },
    };

    [Theory]
    [MemberData(nameof(KillPoints))]
    public async Task A_fork_killed_at_any_of_its_writes_is_whole_or_absent_and_its_parent_unchanged(string write, TrapAction when)
    {
        string parent = IdFor("fp", write, when);
        string fork = parent + "-fork";
        await WriteAsync(parent);
        string parentFootprint = await FootprintAsync(parent);

        await KilledAsync(parent, write, when, "fork", parent, $"{AtStep}", "--id", fork);

        if (await Stories.GetAsync(fork) is null)
        {
            // Absent, and nothing of it is in the way: the same fork can be made again.
            Assert.Equal(0, (await RunAsync("fork", parent, $"{AtStep}", "--id", fork)).Exit);
        }

        await AssertWholeAsync(fork);
        await ResumeToTheEndAsync(fork);
        StoryState written = (await Stories.GetAsync(fork))!;
        Assert.Equal((parent, AtStep), (written.Fork?.ParentId, written.Fork?.Step));
        Assert.Equal(parentFootprint, await FootprintAsync(parent));
    }
}
