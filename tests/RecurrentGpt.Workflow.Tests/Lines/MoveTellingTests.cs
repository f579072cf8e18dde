using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using RecurrentGpt.Core.Story;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Lines;
using RecurrentGpt.Workflow.Scheduling;
using static RecurrentGpt.Workflow.Tests.Lines.InteractiveSteps;

namespace RecurrentGpt.Workflow.Tests.Lines;

/// <summary>
/// A move is told to the instance again, each sweep, until the instance shows it followed: an instance that was told and
/// then ended without reading it (one finishing its last step, here one stopped while it could not read) is replaced.
/// </summary>
public class MoveTellingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29196;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_move_told_to_an_instance_that_ends_without_reading_it_gets_a_new_instance_at_a_later_sweep()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port, time: time, configure: o => o.SweepInterval = Interval);
        string id = await StartAsync(harness, 10);
        await ChooseAsync(harness, id, 1, "Elias climbs the tower.");
        await InteractiveStoryTests.CustomStatusAsync(harness, id, "awaiting-choice");

        // Suspended, the instance takes no event: the move's telling and the first sweep's both wait unread.
        await harness.Client.SuspendInstanceAsync(id, "cannot read");
        await Polling.UntilAsync(() => harness.Client.GetInstanceAsync(id), i => i?.RuntimeStatus == OrchestrationRuntimeStatus.Suspended, i => $"{i?.RuntimeStatus}");
        await harness.Get<StoryRewinder>().RewindAsync(id, 0, CancellationToken.None);
        SchedulerSweep sweep = harness.Get<SchedulerSweep>();
        time.Advance(Interval);
        await sweep.RunOnceAsync(CancellationToken.None);

        // It ends without having read them.
        await harness.Client.TerminateInstanceAsync(id, "ended unread");
        await Polling.UntilAsync(() => harness.Client.GetInstanceAsync(id), i => i?.IsCompleted == true, i => $"{i?.RuntimeStatus}");

        time.Advance(Interval);
        await sweep.RunOnceAsync(CancellationToken.None);

        // A new instance works on the line the story moved to: it waits for step 1 there, and writes it.
        StoryStatusView shown = await InteractiveStoryTests.CustomStatusAsync(harness, id, "awaiting-choice");
        StoryState moved = await harness.StateAsync(id);
        Assert.Equal((1, moved.Generation), (shown.Step, shown.Generation));
        await ChooseAsync(harness, id, 1, "Elias reads the logbook instead.");
        Assert.Equal((1, 1), ((await harness.StateAsync(id)).Step, (await harness.StateAsync(id)).CurrentLine.Branch));

        // Once it shows it followed, the sweep stops telling: nothing is left due.
        for (int sweeps = 0; sweeps < 2; sweeps++)
        {
            time.Advance(Interval);
            await sweep.RunOnceAsync(CancellationToken.None);
        }

        time.Advance(Interval);
        Assert.Equal(0, (await sweep.RunOnceAsync(CancellationToken.None)).Due);
    }
}
