using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Local.Runtime.Azurite;
using RecurrentGpt.Local.Tests.Cli;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Lines;
using RecurrentGpt.Workflow.Stories;
using Xunit.Abstractions;

namespace RecurrentGpt.Local.Tests.Soak;

/// <summary>
/// The soak: eight stories on <c>rgpt serve</c> while the model fails 30 % of its answers, a child keeps every core busy,
/// the host is killed (SIGKILL) twenty times at random moments and Azurite is restarted once — each followed by a host
/// restart. Every story must then be whole: its target paragraphs, contiguous, each step's record, snapshot and choice,
/// token totals equal to its records. Run alone by test.sh (it loads the machine); RGPT_SOAK_SEED picks another run.
/// </summary>
[Trait("Category", "Soak")]
public class SoakTests(ITestOutputHelper output)
{
    private const string Key = "soak-test-key-0123456789";
    private const int StoryCount = 8;
    private const int TargetParagraphs = 8;
    private const int Kills = 20;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(12);

    [Fact]
    public async Task Eight_stories_survive_twenty_kills_an_azurite_restart_and_thirty_percent_faults_whole()
    {
        int seed = int.TryParse(Environment.GetEnvironmentVariable("RGPT_SOAK_SEED"), CultureInfo.InvariantCulture, out int chosen) ? chosen : 20261202;
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        string folder = Path.Combine(Path.GetTempPath(), "rgpt-soak-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        AzuriteEndpoints endpoints = AzuriteEndpoints.OnFreePorts();
        string azuriteData = Path.Combine(folder, "azurite");
        AzuriteProcess azurite = await AzuriteProcess.EnsureRunningAsync(endpoints, azuriteData, AzuriteInstallation.Default(), CancellationToken.None);
        await using ChatCompletionsServer model = await ChatCompletionsServer.StartAsync();
        FaultyReplies faults = FaultyReplies.Over(OfflineWriterReplies.Answer, new FaultPlan(seed, 0.3) with { SlowAnswerDelay = TimeSpan.FromSeconds(2) });
        model.WhenScriptIsEmpty = faults.Answer;
        int port = FreePorts.Next();
        var environment = new Dictionary<string, string>
        {
            ["RGPT_DATA"] = Path.Combine(folder, "data"),
            ["RGPT_Storage__ConnectionString"] = endpoints.ConnectionString,
            ["RGPT_Serve__ApiKey"] = Key,
            ["RGPT_Model__Provider"] = "OpenAICompatible",
            ["RGPT_Model__BaseUrl"] = model.OpenAIBaseUrl.ToString(),
            ["RGPT_Model__ModelName"] = "soak-model",
            ["RGPT_Model__MaxRetries"] = "1",
            ["RGPT_Model__NetworkTimeoutSeconds"] = "1",
            ["RGPT_Workflow__ModelRetryDelay"] = "00:00:00.500",
            ["RGPT_Workflow__SweepInterval"] = "00:00:01",
            ["RGPT_Runtime__ActivityLockTimeout"] = "00:00:10",
            ["RGPT_Runtime__OrchestrationLockTimeout"] = "00:00:10",
        };

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/api/"), Timeout = TimeSpan.FromSeconds(15) };
        http.DefaultRequestHeaders.Add("x-functions-key", Key);
        int kills = 0, azuriteRestarts = 0, attentionRounds = 0;
        RgptProcess? host = null;
        try
        {
            using CpuBurner burner = CpuBurner.Start();
            host = await StartHostAsync(environment, folder, port, http);
            string[] ids = await CreateStoriesAsync(http);

            TimeSpan nextKill = clock.Elapsed + TimeSpan.FromSeconds(random.Next(3, 9));
            while (clock.Elapsed < Deadline)
            {
                IReadOnlyList<StoryReading> readings = await DriveAsync(http, ids, () => attentionRounds++);
                if (kills >= Kills && readings.Count == StoryCount && readings.All(r => r.Status == "completed"))
                {
                    break;
                }

                if (kills < Kills && clock.Elapsed >= nextKill)
                {
                    host.Kill();
                    host.Dispose();
                    kills++;
                    if (kills == Kills / 2)
                    {
                        // Azurite goes too, once: everything the host holds in flight meets a storage outage as well.
                        await azurite.DisposeAsync();
                        azurite = await AzuriteProcess.EnsureRunningAsync(endpoints, azuriteData, AzuriteInstallation.Default(), CancellationToken.None);
                        azuriteRestarts++;
                    }

                    host = await StartHostAsync(environment, folder, port, http);
                    nextKill = clock.Elapsed + TimeSpan.FromSeconds(random.Next(2, 9));
                }

                await Task.Delay(250);
            }

            output.WriteLine($"after {clock.Elapsed.TotalMinutes:0.0} min: {string.Join("; ", (await DriveAsync(http, ids, () => { })).Select(r => $"{r.Id} {r.Status} {r.Paragraphs}"))}");
            host.Dispose();
            host = null;

            SoakReport report = await VerifyAsync(ids, endpoints.ConnectionString, model, faults, seed, kills, azuriteRestarts, attentionRounds, clock.Elapsed);
            output.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
            output.WriteLine("saved to " + report.Save());
            Assert.Equal(Kills, kills);
            Assert.Equal(1, azuriteRestarts);
            Assert.Equal(0, report.LostOrDuplicatedParagraphs);
            Assert.Equal(0, report.AuditFindings);
            Assert.Equal(StoryCount * TargetParagraphs, report.Paragraphs);
        }
        finally
        {
            host?.Dispose();
            await azurite.DisposeAsync();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Azurite may still be letting go of its files; a temp folder left behind is harmless.
            }
        }
    }

    private static async Task<RgptProcess> StartHostAsync(Dictionary<string, string> environment, string folder, int port, HttpClient http)
    {
        RgptProcess host = RgptProcess.Start(environment, folder, "serve", "--port", port.ToString(CultureInfo.InvariantCulture));
        await Polling.UntilAsync(
            async () =>
            {
                try
                {
                    return host.HasExited ? false : (await http.GetAsync("openapi.json")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
                catch (TaskCanceledException)
                {
                    return false;
                }
            },
            ready => ready || host.HasExited,
            _ => "rgpt serve did not answer: " + host.Output,
            TimeSpan.FromMinutes(2));
        return host.HasExited ? throw new InvalidOperationException("rgpt serve exited: " + host.Output) : host;
    }

    private static async Task<string[]> CreateStoriesAsync(HttpClient http)
    {
        var ids = new string[StoryCount];
        for (int i = 0; i < StoryCount; i++)
        {
            bool chinese = i % 2 == 1;
            bool interactive = i % 4 >= 2;
            ids[i] = $"soak-{i}";
            HttpResponseMessage created = await http.PostAsJsonAsync("stories", new
            {
                id = ids[i],
                topic = chinese ? "灯塔看守人在瓶子里发现了一封信" : "a lighthouse keeper finds a message in a bottle",
                language = chinese ? "zh" : "en",
                mode = interactive ? "interactive" : "auto",
                targetParagraphs = TargetParagraphs,
            });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        return ids;
    }

    /// <summary>One reading of every story, answering as a writer would: a choice where one is awaited, a retry where it needs attention.</summary>
    private static async Task<IReadOnlyList<StoryReading>> DriveAsync(HttpClient http, string[] ids, Action retried)
    {
        var readings = new List<StoryReading>();
        foreach (string id in ids)
        {
            try
            {
                JsonElement story = JsonDocument.Parse(await http.GetStringAsync($"stories/{id}")).RootElement;
                string status = story.GetProperty("status").GetString()!;
                int step = story.GetProperty("nextStep").GetInt32();
                readings.Add(new StoryReading(id, status, story.GetProperty("paragraphCount").GetInt32()));
                if (status == "awaiting-choice")
                {
                    await http.PostAsJsonAsync($"stories/{id}/choice", new { step, plan = (step % 3) + 1 });
                }
                else if (status == "needs-attention" && (await http.PostAsync($"stories/{id}/retry", null)).IsSuccessStatusCode)
                {
                    retried();
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
            {
                // The host is down or restarting: read again next time round.
            }
        }

        return readings;
    }

    private static async Task<SoakReport> VerifyAsync(
        string[] ids, string connectionString, ChatCompletionsServer model, FaultyReplies faults, int seed, int kills, int azuriteRestarts, int attentionRounds, TimeSpan elapsed)
    {
        var clients = new StorageClients(new StorageOptions { ConnectionString = connectionString });
        var states = new StoryStateStore(clients);
        var paragraphs = new ParagraphStore(clients);
        var records = new StepRecordStore(clients);
        var audit = new StoryAudit(states, paragraphs, records, new LineageReader(states));
        int findings = 0, broken = 0, total = 0, recorded = 0, repairs = 0, normalisations = 0;
        foreach (string id in ids)
        {
            IReadOnlyList<string> found = await audit.CheckAsync(id, CancellationToken.None);
            findings += found.Count;
            StoryState state = (await states.GetAsync(id, CancellationToken.None))!.State;
            IReadOnlyList<StoredParagraph> texts = await paragraphs.ReadRangeAsync(id, 0, state.ParagraphCount, CancellationToken.None);
            total += texts.Count;
            bool contiguous = texts.Select(p => p.Index).SequenceEqual(Enumerable.Range(0, TargetParagraphs));
            broken += (contiguous ? 0 : 1) + (texts.Count - texts.Select(p => p.Text).Distinct().Count()) + (state.Status == StoryStatus.Completed ? 0 : 1);
            OpeningRecord opening = (await records.ReadOpeningAsync(id, CancellationToken.None))!;
            var exchanges = opening.Exchanges.ToList();
            for (int step = 1; step <= state.Step; step++)
            {
                StepRecord record = (await records.ReadAsync(id, step, CancellationToken.None))!;
                exchanges.AddRange(record.Exchanges);
                recorded += record.ChoiceUsage?.Calls ?? 0;
            }

            recorded += exchanges.Count;
            repairs += exchanges.Count(exchange => exchange.Attempt > 0);
            normalisations += exchanges.Sum(exchange => exchange.Normalisations.Count);
            foreach (string finding in found)
            {
                Console.WriteLine($"{id}: {finding}");
            }
        }

        FaultCounts counts = faults.Counts;
        return new SoakReport(seed, ids.Length, kills, azuriteRestarts, model.Requests.Count, SoakReport.ByKind(counts), counts.Clean,
            model.Requests.Count - recorded, repairs, normalisations, attentionRounds, total, broken, findings, Math.Round(elapsed.TotalMinutes, 1));
    }

    private sealed record StoryReading(string Id, string Status, int Paragraphs);
}
