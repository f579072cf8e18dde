using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Embeddings;
using RecurrentGpt.Infrastructure.Offline;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Local.Cli;
using RecurrentGpt.Local.Hosting;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Steering;

namespace RecurrentGpt.Local.Tests.Hosting;

/// <summary>The story workflow on the local durable runtime (Azure Storage engine on Azurite), as rgpt runs it.</summary>
public class LocalWorkflowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Lazy<MiniLmEmbeddingGenerator> Embeddings = new(() => new MiniLmEmbeddingGenerator());
    private static readonly Premise Lighthouse = new("mystery", "a lighthouse keeper named Elias Grey vanishes from a harbour town", null, StoryLanguage.English);

    [Fact]
    public async Task Twenty_step_interactive_story_leaves_no_out_of_order_warnings_in_the_runtime_log()
    {
        await using LocalStoryHost host = await StartAsync();
        string id = await host.Get<StoryStarter>().StartAsync(new NewStory("interactive-twenty", Lighthouse, StoryMode.Interactive, 22), CancellationToken.None);
        StoryStateStore states = host.Get<StoryStateStore>();
        ChoiceRecorder recorder = host.Get<ChoiceRecorder>();

        var clock = Stopwatch.StartNew();
        StoryState state = (await states.GetAsync(id, CancellationToken.None))!.State;
        while (state.Status != StoryStatus.Completed && clock.Elapsed < TimeSpan.FromMinutes(4))
        {
            if (state.Status == StoryStatus.AwaitingChoice)
            {
                await recorder.RecordAsync(id, state.Step + 1, state.Plans[state.Step % 3], PlanChoiceSource.Picked, (state.Step % 3) + 1, CancellationToken.None);
            }

            await Task.Delay(50);
            state = (await states.GetAsync(id, CancellationToken.None))!.State;
        }

        Assert.Equal(StoryStatus.Completed, state.Status);
        Assert.Equal(20, state.Step);

        // The state row says completed once the last commit lands; the instance finishes an episode later.
        while (clock.Elapsed < TimeSpan.FromMinutes(5)
            && (await host.Client.GetInstanceAsync(id))?.RuntimeStatus != Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed)
        {
            await Task.Delay(50);
        }

        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, (await host.Client.GetInstanceAsync(id))?.RuntimeStatus);
        Assert.Equal(0, host.Runtime.Log.OutOfOrderMessageCount);
        Assert.Contains(host.Runtime.Log.Entries, e => e.Message.Contains("committed step 20", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Instance_history_stays_small_over_fifty_steps()
    {
        await using LocalStoryHost host = await StartAsync();
        string id = await host.Get<StoryStarter>().StartAsync(new NewStory("auto-fifty", Lighthouse, StoryMode.Auto, 52), CancellationToken.None);
        var history = new TableClient(await azurite.ConnectionStringAsync(), "RecurrentGptHistory");
        StoryStateStore states = host.Get<StoryStateStore>();

        int atStep10 = -1;
        var clock = Stopwatch.StartNew();
        StoryState state = (await states.GetAsync(id, CancellationToken.None))!.State;
        while (state.Status != StoryStatus.Completed && clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (atStep10 < 0 && state.Step >= 10)
            {
                atStep10 = await CountRowsAsync(history, id);
            }

            await Task.Delay(50);
            state = (await states.GetAsync(id, CancellationToken.None))!.State;
        }

        int atEnd = await CountRowsAsync(history, id);
        Assert.Equal(50, state.Step);
        Assert.True(atStep10 > 0, "history was never sampled at step 10");

        // One execution's events only: a step's worth of rows, the same at step 50 as at step 10.
        Assert.True(atEnd <= 60, $"{atEnd} history rows after 50 steps");
        Assert.True(atEnd <= atStep10 + 20, $"history grew from {atStep10} rows at step 10 to {atEnd} at step 50");
    }

    [Fact]
    public async Task Pause_is_the_engines_suspend_and_resume_continues_the_story()
    {
        await using LocalStoryHost host = await StartAsync();
        string id = await host.Get<StoryStarter>().StartAsync(new NewStory("pause-resume", Lighthouse, StoryMode.Interactive, 4), CancellationToken.None);
        StoryStateStore states = host.Get<StoryStateStore>();
        var clock = Stopwatch.StartNew();
        while ((await states.GetAsync(id, CancellationToken.None))!.State.Status != StoryStatus.AwaitingChoice && clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(50);
        }

        await host.Client.SuspendInstanceAsync(id, "paused by the writer");
        await WaitForEngineStatusAsync(host, id, Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Suspended);
        StoryState waiting = (await states.GetAsync(id, CancellationToken.None))!.State;
        await host.Get<ChoiceRecorder>().RecordAsync(id, 1, waiting.Plans[0], PlanChoiceSource.Picked, 1, CancellationToken.None);

        // Suspended: the recorded choice waits; nothing is written until the resume.
        await Task.Delay(1000);
        Assert.Equal(0, (await states.GetAsync(id, CancellationToken.None))!.State.Step);

        await host.Client.ResumeInstanceAsync(id, "resumed by the writer");
        while ((await states.GetAsync(id, CancellationToken.None))!.State.Step < 1 && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(50);
        }

        Assert.Equal(1, (await states.GetAsync(id, CancellationToken.None))!.State.Step);
    }

    [Fact]
    public async Task Pause_survives_a_restart_of_the_runtime()
    {
        string id = "pause-restart";
        await using (LocalStoryHost host = await StartAsync())
        {
            await host.Get<StoryStarter>().StartAsync(new NewStory(id, Lighthouse, StoryMode.Interactive, 4), CancellationToken.None);
            StoryStateStore states = host.Get<StoryStateStore>();
            var clock = Stopwatch.StartNew();
            while ((await states.GetAsync(id, CancellationToken.None))!.State.Status != StoryStatus.AwaitingChoice && clock.Elapsed < TimeSpan.FromMinutes(1))
            {
                await Task.Delay(50);
            }

            await host.Client.SuspendInstanceAsync(id, "paused by the writer");
            await WaitForEngineStatusAsync(host, id, Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Suspended);
        }

        await using LocalStoryHost restarted = await StartAsync();
        await Task.Delay(2000);
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Suspended, (await restarted.Client.GetInstanceAsync(id))?.RuntimeStatus);
    }

    private static async Task WaitForEngineStatusAsync(LocalStoryHost host, string id, Microsoft.DurableTask.Client.OrchestrationRuntimeStatus expected)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if ((await host.Client.GetInstanceAsync(id))?.RuntimeStatus == expected)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Equal(expected, (await host.Client.GetInstanceAsync(id))?.RuntimeStatus);
    }

    private async Task<LocalStoryHost> StartAsync()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = await azurite.ConnectionStringAsync(),
        }).Build();
        var model = new ModelChoice(new OfflineWriter(), Embeddings.Value, "offline writer", IsOffline: true);
        return await LocalStoryHost.StartAsync(new LocalPaths(azurite.DataFolder), model, configuration, CancellationToken.None);
    }

    private static async Task<int> CountRowsAsync(TableClient table, string partition)
    {
        int rows = 0;
        await foreach (TableEntity _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["PartitionKey"]))
        {
            rows++;
        }

        return rows;
    }
}
