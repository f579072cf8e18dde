using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Embeddings;
using RecurrentGpt.Infrastructure.Offline;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Local.Cli;
using RecurrentGpt.Local.Hosting;
using RecurrentGpt.TestSupport;
using RecurrentGpt.TestSupport.Stories;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Stories;

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

        // Answers each wait as it comes: a reading that waits gets its choice recorded, and the polling goes on.
        StoryState state = await Polling.UntilAsync(
            async () =>
            {
                StoryState read = await StateAsync(states, id);
                if (read.Status == StoryStatus.AwaitingChoice)
                {
                    await recorder.RecordAsync(id, read.Step + 1, read.Plans[read.Step % 3], PlanChoiceSource.Picked, (read.Step % 3) + 1, CancellationToken.None);
                }

                return read;
            },
            read => read.Status == StoryStatus.Completed,
            last => $"step {last?.Step}, {last?.Status}",
            TimeSpan.FromMinutes(4));

        Assert.Equal(20, state.Step);

        // The state row says completed once the last commit lands; the instance finishes an episode later.
        await WaitForEngineStatusAsync(host, id, Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed);
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
        StoryState state = await Polling.UntilAsync(
            async () =>
            {
                StoryState read = await StateAsync(states, id);
                if (atStep10 < 0 && read.Step >= 10)
                {
                    atStep10 = await CountRowsAsync(history, id);
                }

                return read;
            },
            read => read.Status == StoryStatus.Completed,
            last => $"step {last?.Step}, {last?.Status}",
            TimeSpan.FromMinutes(5));

        int atEnd = await CountRowsAsync(history, id);
        Assert.Equal(50, state.Step);
        Assert.True(atStep10 > 0, "history was never sampled at step 10");

        // One execution's events only: a step's worth of rows, the same at step 50 as at step 10.
        Assert.True(atEnd <= 60, $"{atEnd} history rows after 50 steps");
        Assert.True(atEnd <= atStep10 + 20, $"history grew from {atStep10} rows at step 10 to {atEnd} at step 50");
    }

    [Fact]
    public async Task A_twelve_step_story_rewound_to_five_continues_from_snapshot_five_and_restores_byte_for_byte()
    {
        await using LocalStoryHost host = await StartAsync();
        await RewindScenario.TwelveStepsRewoundToFiveAsync(new StoryDriver(host.Runtime.Services));
    }

    [Fact]
    public async Task Pause_is_the_engines_suspend_and_resume_continues_the_story()
    {
        await using LocalStoryHost host = await StartAsync();
        string id = await host.Get<StoryStarter>().StartAsync(new NewStory("pause-resume", Lighthouse, StoryMode.Interactive, 4), CancellationToken.None);
        StoryStateStore states = host.Get<StoryStateStore>();
        StoryState waiting = await WaitForStatusAsync(states, id, StoryStatus.AwaitingChoice);

        await host.Client.SuspendInstanceAsync(id, "paused by the writer");
        await WaitForEngineStatusAsync(host, id, Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Suspended);
        await host.Get<ChoiceRecorder>().RecordAsync(id, 1, waiting.Plans[0], PlanChoiceSource.Picked, 1, CancellationToken.None);

        // Suspended: the recorded choice waits; nothing is written until the resume, although the runtime works on.
        await WriteAnotherStoryAsync(host, "pause-resume-control");
        Assert.Equal(0, (await StateAsync(states, id)).Step);

        await host.Client.ResumeInstanceAsync(id, "resumed by the writer");
        StoryState resumed = await Polling.UntilAsync(() => StateAsync(states, id), read => read.Step >= 1, last => $"step {last?.Step}, {last?.Status}", TimeSpan.FromMinutes(2));

        Assert.Equal(1, resumed.Step);
    }

    [Fact]
    public async Task The_container_the_storage_section_names_is_the_one_rgpt_writes_to()
    {
        await using LocalStoryHost host = await StartAsync(("Storage:ContainerName", "tales-local"));
        await host.Get<StoryStarter>().StartAsync(new NewStory("container-named", Lighthouse, StoryMode.Auto, 3), CancellationToken.None);
        await WaitForStatusAsync(host.Get<StoryStateStore>(), "container-named", StoryStatus.Completed);

        var service = new Azure.Storage.Blobs.BlobServiceClient(await azurite.ConnectionStringAsync());
        Assert.Equal(3, await CountBlobsAsync(service.GetBlobContainerClient("tales-local"), "container-named/paragraphs/"));
        Assert.Equal(0, await CountBlobsAsync(service.GetBlobContainerClient("stories"), "container-named/"));
    }

    [Fact]
    public async Task Pause_survives_a_restart_of_the_runtime()
    {
        string id = "pause-restart";
        await using (LocalStoryHost host = await StartAsync())
        {
            await host.Get<StoryStarter>().StartAsync(new NewStory(id, Lighthouse, StoryMode.Interactive, 4), CancellationToken.None);
            await WaitForStatusAsync(host.Get<StoryStateStore>(), id, StoryStatus.AwaitingChoice);
            await host.Client.SuspendInstanceAsync(id, "paused by the writer");
            await WaitForEngineStatusAsync(host, id, Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Suspended);
        }

        // The restarted runtime has taken up its work (another story is written start to finish), and this one stays paused.
        await using LocalStoryHost restarted = await StartAsync();
        await WriteAnotherStoryAsync(restarted, "pause-restart-control");
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Suspended, (await restarted.Client.GetInstanceAsync(id))?.RuntimeStatus);
        Assert.Equal(0, (await StateAsync(restarted.Get<StoryStateStore>(), id)).Step);
    }

    private static async Task<StoryState> StateAsync(StoryStateStore states, string id) =>
        (await states.GetAsync(id, CancellationToken.None))?.State ?? throw new InvalidOperationException($"story {id} has no state");

    private static Task<StoryState> WaitForStatusAsync(StoryStateStore states, string id, StoryStatus status) =>
        Polling.UntilAsync(() => StateAsync(states, id), read => read.Status == status, last => $"step {last?.Step}, {last?.Status}");

    private static Task WaitForEngineStatusAsync(LocalStoryHost host, string id, Microsoft.DurableTask.Client.OrchestrationRuntimeStatus expected) =>
        Polling.UntilAsync(() => host.Client.GetInstanceAsync(id), instance => instance?.RuntimeStatus == expected, last => $"engine: {last?.RuntimeStatus}");

    /// <summary>A short auto story written to the end on the same runtime: proof that the runtime takes up and finishes work.</summary>
    private static async Task WriteAnotherStoryAsync(LocalStoryHost host, string id)
    {
        await host.Get<StoryStarter>().StartAsync(new NewStory(id, Lighthouse, StoryMode.Auto, 4), CancellationToken.None);
        await WaitForStatusAsync(host.Get<StoryStateStore>(), id, StoryStatus.Completed);
    }

    private async Task<LocalStoryHost> StartAsync(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["Storage:ConnectionString"] = await azurite.ConnectionStringAsync() };
        foreach ((string key, string value) in settings)
        {
            values[key] = value;
        }

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var model = new ModelChoice(new OfflineWriter(), Embeddings.Value, "offline writer", IsOffline: true);
        return await LocalStoryHost.StartAsync(new LocalPaths(azurite.DataFolder), model, configuration, CancellationToken.None);
    }

    private static async Task<int> CountBlobsAsync(Azure.Storage.Blobs.BlobContainerClient container, string prefix)
    {
        if (!await container.ExistsAsync())
        {
            return 0;
        }

        int blobs = 0;
        await foreach (Azure.Storage.Blobs.Models.BlobItem _ in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None))
        {
            blobs++;
        }

        return blobs;
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
