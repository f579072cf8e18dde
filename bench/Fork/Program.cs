using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RecurrentGpt.Bench.Fork;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Lines;

// Prints Markdown for docs/PERFORMANCE.md: what a fork costs at step k (time, storage requests, blobs copied), and its
// first step, which recalls over the whole shared prefix read by reference. The real workflow on a private Azurite.
int[] depths = [10, 100, 1_000];
const int ForksPerDepth = 5;
const int Port = 29300;

// The engine's own host reads its log levels from the environment: only the table belongs on stdout.
Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
var counter = new RequestCounter();
await using var azurite = new AzuriteFixture();
string connection = await azurite.ConnectionStringAsync();
await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port, services: services =>
    services.AddLogging(logging => logging.ClearProviders()).AddSingleton(provider =>
    {
        var blobs = new BlobClientOptions();
        blobs.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var tables = new TableClientOptions();
        tables.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        return new StorageClients(provider.GetRequiredService<StorageOptions>(), null, blobs, tables);
    }));

StoryForker forker = harness.Get<StoryForker>();

// A first fork and step outside the table: MiniLM loads and the code paths are compiled before anything is timed.
await ParentSeed.WriteAsync(harness.Get<StoryStateStore>(), harness.Get<ParagraphStore>(), "bench-warm-up", 1, CancellationToken.None);
await forker.ForkAsync("bench-warm-up", 1, "bench-warm-up-fork", null, CancellationToken.None);
await harness.WaitForAsync("bench-warm-up-fork", s => s.Status == StoryStatus.AwaitingChoice);
await harness.Get<ChoiceRecorder>().RecordAsync("bench-warm-up-fork", 2, "Elias climbs the tower.", PlanChoiceSource.Own, null, CancellationToken.None);
await harness.WaitForAsync("bench-warm-up-fork", s => s.Step == 2 && s.Status == StoryStatus.AwaitingChoice, TimeSpan.FromMinutes(2));
BlobContainerClient container = new BlobServiceClient(connection).GetBlobContainerClient("stories");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}; .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd}");
Console.WriteLine();
Console.WriteLine("| fork at step k | parent paragraphs | fork time, median (max) of 5 | storage requests per fork | of them writes | blobs copied | fork's first step, median (max) of 5 | its recall read |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (int k in depths)
{
    string parent = $"bench-parent-{k}";
    StoryState seeded = await ParentSeed.WriteAsync(harness.Get<StoryStateStore>(), harness.Get<ParagraphStore>(), parent, k, CancellationToken.None);

    var times = new List<double>();
    var requests = new List<long>();
    var writes = new List<int>();
    int copied = 0;
    for (int i = 0; i < ForksPerDepth; i++)
    {
        string id = $"bench-fork-{k}-{i}";
        counter.ClearSent();
        var clock = Stopwatch.StartNew();
        await forker.ForkAsync(parent, k, id, null, CancellationToken.None);
        times.Add(clock.Elapsed.TotalMilliseconds);
        // The forks made before this one start meanwhile, and read their own state: those requests are theirs, not this fork's.
        string[] others = [.. Enumerable.Range(0, i).Select(j => $"bench-fork-{k}-{j}'")];
        requests.Add(counter.Sent.Count(line => !others.Any(line.Contains)));
        writes.Add(counter.Writes.Count(line => !others.Any(line.Contains)));
        await foreach (BlobItem _ in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, id + "/", CancellationToken.None))
        {
            copied++;
        }
    }

    // Each fork writes its first step: the model is the offline writer, recall reads every paragraph row of the prefix.
    var cache = harness.Get<StoryVectorCache>();
    var stepTimes = new List<double>();
    long rowsRead = 0;
    for (int i = 0; i < ForksPerDepth; i++)
    {
        string id = $"bench-fork-{k}-{i}";
        long rowsBefore = cache.ParagraphRowsRead;
        var step = Stopwatch.StartNew();
        await harness.Get<ChoiceRecorder>().RecordAsync(id, k + 1, "Elias climbs the tower and finds the lamp already lit.", PlanChoiceSource.Own, null, CancellationToken.None);
        await harness.WaitForAsync(id, s => s.Step == k + 1 && s.Status == StoryStatus.AwaitingChoice, TimeSpan.FromMinutes(2));
        stepTimes.Add(step.Elapsed.TotalMilliseconds);
        rowsRead = cache.ParagraphRowsRead - rowsBefore;
    }

    stepTimes.Sort();
    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {k:N0} | {seeded.ParagraphCount:N0} | {times[times.Count / 2]:F0} ms ({times[^1]:F0} ms) | {Same(requests)} | {Same(writes.Select(w => (long)w).ToList())} | {copied} | {stepTimes[stepTimes.Count / 2]:F0} ms ({stepTimes[^1]:F0} ms) | {rowsRead:N0} rows |"));
}

Console.WriteLine();
Console.WriteLine("Writes per fork: a due-work entry, the fork's state row, its catalogue entry; the orchestration start is the engine's.");
Console.WriteLine("Reproduce: `dotnet run -c Release --project bench/Fork`");

// One figure when every fork cost the same; otherwise the range, so a difference shows.
static string Same(IReadOnlyList<long> values) =>
    values.Min() == values.Max() ? values[0].ToString(CultureInfo.InvariantCulture) : $"{values.Min()}–{values.Max()}";
