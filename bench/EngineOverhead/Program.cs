using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using RecurrentGpt.Bench.EngineOverhead;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Embeddings;
using RecurrentGpt.Infrastructure.Offline;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Local.Runtime.Azurite;
using RecurrentGpt.Local.Cli;
using RecurrentGpt.Local.Hosting;
using RecurrentGpt.Workflow.Stories;

// Engine time per step on the local runtime (Azurite, the real orchestrator and activities), and concurrency with a slow model.
int steps = ArgInt(0, 30);
int stories = ArgInt(1, 50);
int concurrentSteps = ArgInt(2, 10);
string folder = Path.Combine(Path.GetTempPath(), "rgpt-engine-bench-" + Guid.NewGuid().ToString("N"));
await using AzuriteProcess azurite = await AzuriteProcess.EnsureRunningAsync(AzuriteEndpoints.OnFreePorts(), Path.Combine(folder, "azurite"), AzuriteInstallation.Default(), CancellationToken.None);
IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Storage:ConnectionString"] = azurite.ConnectionString,
}).Build();
using var embeddings = new MiniLmEmbeddingGenerator();
await embeddings.WarmUpAsync();
var premise = new Premise("mystery", "a lighthouse keeper named Elias Grey vanishes from a harbour town", null, StoryLanguage.English);

// 1. A zero-latency model: whatever a step takes beyond its model calls is the engine's (local MiniLM embeddings included).
var instant = new TimedChatClient(new OfflineWriter(), TimeSpan.Zero);
var localEmbeddings = new TimedEmbeddingGenerator(embeddings, TimeSpan.Zero);
List<double> engineMs = [];
List<double> embeddingMs = [];
await using (LocalStoryHost host = await LocalStoryHost.StartAsync(new LocalPaths(folder), new ModelChoice(instant, localEmbeddings, "offline", true), configuration, CancellationToken.None))
{
    string id = await host.Get<StoryStarter>().StartAsync(new NewStory("bench-overhead", premise, StoryMode.Auto, steps + 2), CancellationToken.None);
    StoryStateStore states = host.Get<StoryStateStore>();
    int seen = -1;
    long lastTick = 0;
    TimeSpan lastModel = TimeSpan.Zero;
    TimeSpan lastEmbedding = TimeSpan.Zero;
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed < TimeSpan.FromMinutes(10))
    {
        StoryState state = (await states.GetAsync(id, CancellationToken.None))!.State;
        if (state.Step != seen)
        {
            long now = Stopwatch.GetTimestamp();
            TimeSpan model = instant.ModelTime;
            TimeSpan embedding = localEmbeddings.Time;
            if (seen >= 1)
            {
                engineMs.Add((Stopwatch.GetElapsedTime(lastTick, now) - (model - lastModel)).TotalMilliseconds);
                embeddingMs.Add((embedding - lastEmbedding).TotalMilliseconds);
            }

            (seen, lastTick, lastModel, lastEmbedding) = (state.Step, now, model, embedding);
        }

        if (state.Status == StoryStatus.Completed)
        {
            break;
        }

        // Polling is itself load on Azurite and the two cores: often enough for 20 ms resolution, no more.
        await Task.Delay(20);
    }
}

// 2. Many stories at once with a model that answers in 1 s: the engine should add little to the ideal.
//    Once with local MiniLM (CPU-bound on this machine), once with embeddings from a service answering in 100 ms.
var slow = new TimedChatClient(new OfflineWriter(), TimeSpan.FromSeconds(1));
// A fourth argument "remote" skips the local-MiniLM run (it takes minutes on two cores).
bool remoteOnly = args.Length > 3 && args[3] == "remote";
TimeSpan wallLocal = remoteOnly ? TimeSpan.Zero : await RunManyAsync("local", new TimedEmbeddingGenerator(embeddings, TimeSpan.Zero));
TimeSpan wallRemote = await RunManyAsync("remote", new TimedEmbeddingGenerator(null, TimeSpan.FromMilliseconds(100)));

double callsPerStory = (double)slow.Calls / ((remoteOnly ? 1 : 2) * stories);
engineMs.Sort();
embeddingMs.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| measure | value |"));
Console.WriteLine("|---|---:|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| engine time per step, median ({engineMs.Count} steps, zero-latency model) | {Percentile(engineMs, 0.5):F0} ms |"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| engine time per step, p95 | {Percentile(engineMs, 0.95):F0} ms |"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| of which MiniLM embedding (plan + paragraph), median | {Percentile(embeddingMs, 0.5):F0} ms |"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stories} stories × {concurrentSteps} steps, model 1 s, local MiniLM embeddings: wall time | {wallLocal.TotalSeconds:F1} s ({wallLocal.TotalSeconds / concurrentSteps:F2}× of {concurrentSteps} s) |"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stories} stories × {concurrentSteps} steps, model 1 s, embeddings service 100 ms: wall time | {wallRemote.TotalSeconds:F1} s ({wallRemote.TotalSeconds / concurrentSteps:F2}× of {concurrentSteps} s) |"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| model calls per story (opening, first plan, one per step) | {callsPerStory:F1}, so {callsPerStory:F0} s is the floor |"));
Console.WriteLine();
Console.WriteLine($"Reproduce: dotnet run -c Release --project bench/EngineOverhead -- {steps} {stories} {concurrentSteps}");
try
{
    Directory.Delete(folder, recursive: true);
}
catch (IOException)
{
}

async Task<TimeSpan> RunManyAsync(string name, TimedEmbeddingGenerator embedder)
{
    await using LocalStoryHost host = await LocalStoryHost.StartAsync(
        new LocalPaths(folder), new ModelChoice(slow, embedder, "offline, 1 s", true), configuration, CancellationToken.None,
        runtime =>
        {
            runtime.MaxConcurrentActivities = stories * 2;
            runtime.MaxConcurrentOrchestrations = stories * 2;
            runtime.MaxQueuePollingInterval = PollingCeiling();
            runtime.PartitionCount = Partitions(runtime.PartitionCount);
        });
    StoryStarter starter = host.Get<StoryStarter>();
    var clock = Stopwatch.StartNew();
    string[] ids = await Task.WhenAll(Enumerable.Range(0, stories).Select(i =>
        starter.StartAsync(new NewStory($"bench-{name}-{i:D3}", premise, StoryMode.Auto, concurrentSteps + 2), CancellationToken.None)));
    // One catalogue query per poll (not one read per story), so watching adds little load to what is measured.
    StoryCatalogue catalogue = host.Get<StoryCatalogue>();
    var waiting = new HashSet<string>(ids);
    while (clock.Elapsed < TimeSpan.FromMinutes(10) && waiting.Count > 0)
    {
        foreach (StorySummary story in await catalogue.ListAsync(1000, CancellationToken.None))
        {
            if (story.Status == StoryStatus.Completed)
            {
                waiting.Remove(story.StoryId);
            }
        }

        await Task.Delay(200);
    }

    return clock.Elapsed;
}

// A sixth argument sets the task hub's partition count (default: the runtime's own).
int Partitions(int fallback) => args.Length > 5 && int.TryParse(args[5], CultureInfo.InvariantCulture, out int count) && count > 0 ? count : fallback;

// A fifth argument sets the engine's idle polling ceiling in milliseconds (default: the runtime's own).
TimeSpan PollingCeiling() => args.Length > 4 && int.TryParse(args[4], CultureInfo.InvariantCulture, out int ms) && ms > 0
    ? TimeSpan.FromMilliseconds(ms)
    : new RecurrentGpt.Local.Runtime.LocalRuntimeOptions().MaxQueuePollingInterval;

int ArgInt(int index, int fallback) =>
    args.Length > index && int.TryParse(args[index], CultureInfo.InvariantCulture, out int value) && value > 0 && value <= 10_000 ? value : fallback;

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
