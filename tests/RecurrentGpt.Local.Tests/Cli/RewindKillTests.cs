using RecurrentGpt.Core.Story;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Local.Tests.Cli;

/// <summary>
/// <c>rgpt rewind</c> killed with SIGKILL at each write it makes, before the write lands and after: the rewind is done
/// (the story on a new branch, the line it left kept whole) or not done (the story unchanged to the byte), <c>rgpt
/// resume</c> writes the story to its end either way, and a rewind that landed restores to the export from before it.
/// </summary>
public class RewindKillTests(AzuriteFixture azurite) : LineMoveKills(azurite, "rewind")
{
    /// <summary>The writes a rewind makes, in order: its due-work entry, the move (one batch), the catalogue, the instance's message and row.</summary>
    public static TheoryData<string, TrapAction> KillPoints => new()
    {
        { "PUT /devstoreaccount1/DueWork(", TrapAction.After },
        { "POST /devstoreaccount1/$batch", TrapAction.Before },
        { "POST /devstoreaccount1/$batch", TrapAction.After },
        { "PUT /devstoreaccount1/Stories(", TrapAction.After },
        { "POST /devstoreaccount1/recurrentgpt-control-", TrapAction.Before },
        { "POST /devstoreaccount1/recurrentgpt-control-", TrapAction.After },
        { "PUT /devstoreaccount1/RecurrentGptInstances(", TrapAction.After },
    };

    [Theory]
    [MemberData(nameof(KillPoints))]
    public async Task A_rewind_killed_at_any_of_its_writes_is_done_or_not_done_and_resume_finishes_the_story(string write, TrapAction when)
    {
        string id = IdFor("rw", write, when);
        await WriteAsync(id);
        string export = await ExportAsync(id);
        StoryState before = (await Stories.GetAsync(id))!;
        string footprint = await FootprintAsync(id);

        await KilledAsync(id, write, when, "rewind", id, $"{AtStep}");

        StoryState after = (await Stories.GetAsync(id))!;
        bool done = after.Generation != before.Generation;
        if (done)
        {
            Assert.Equal((AtStep, before.Generation + 1, before.NextBranch), (after.Step, after.Generation, after.CurrentLine.Branch));
            StoryState kept = (await Stories.States.GetBranchAsync(id, before.CurrentLine.Branch, CancellationToken.None))!;
            Assert.Equal((before.Step, before.ParagraphCount, before.ShortTermMemory), (kept.Step, kept.ParagraphCount, kept.ShortTermMemory));
        }
        else
        {
            Assert.Equal(footprint, await FootprintAsync(id));
        }

        await AssertWholeAsync(id);
        await ResumeToTheEndAsync(id);
        if (done)
        {
            Assert.Equal(0, (await RunAsync("restore", id, $"{before.CurrentLine.Branch}")).Exit);
            await AssertWholeAsync(id);
        }

        Assert.Equal(export, await ExportAsync(id));
    }
}
