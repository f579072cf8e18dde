using System.Diagnostics;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Local.Tests.Cli;

/// <summary>
/// rgpt killed with SIGKILL mid-story, then resumed: the durable state in Azurite carries the story on, and nothing is
/// lost or written twice. The model is a local chat-completions server answering like the offline writer, slowed a little
/// so the kill lands mid-run.
/// </summary>
public class CrashTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly TimeSpan AnswerTime = TimeSpan.FromMilliseconds(150);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rgpt-crash-" + Guid.NewGuid().ToString("N"));
    private ChatCompletionsServer _model = null!;
    private StorageClients _storage = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _model = await ChatCompletionsServer.StartAsync();
        _model.WhenScriptIsEmpty = request => OfflineWriterReplies.Answer(request) with { Delay = AnswerTime };
        _storage = new StorageClients(new StorageOptions { ConnectionString = await azurite.ConnectionStringAsync() });
        await _storage.EnsureCreatedAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _model.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Auto_story_killed_mid_run_ends_with_exactly_its_paragraphs_after_resume()
    {
        const string id = "crash-auto";
        string output = Path.Combine(_folder, "auto.md");
        using (RgptProcess first = RgptProcess.Start(await EnvironmentAsync(), _folder, "write", "a lighthouse keeper vanishes", "--paragraphs", "12", "--id", id, "--out", output))
        {
            StoryState before = await WaitForStateAsync(id, s => s.ParagraphCount >= 5, first);
            first.Kill();
            Assert.True(before.ParagraphCount < 12, $"the story finished before the kill: {before.ParagraphCount} paragraphs");
        }

        using RgptProcess resumed = RgptProcess.Start(await EnvironmentAsync(), _folder, "resume", id, "--out", output);
        int exit = await resumed.WaitForExitAsync(TimeSpan.FromMinutes(3));

        Assert.True(exit == 0, resumed.Output);
        StoryState state = (await new StoryStateStore(_storage).GetAsync(id, CancellationToken.None))!.State;
        Assert.Equal(12, state.ParagraphCount);
        Assert.Equal(StoryStatus.Completed, state.Status);
        Assert.Equal(state.ParagraphCount - state.Settings.OpeningParagraphs, state.Step);
        IReadOnlyList<StoredParagraph> paragraphs = await new ParagraphStore(_storage).ReadRangeAsync(id, 0, 20, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 12), paragraphs.Select(p => p.Index));
        Assert.Equal(12, paragraphs.Select(p => p.Text).Distinct().Count());
        Assert.Equal(12, (await new StoryStateStore(_storage).GetParagraphsAsync(id, 0, CancellationToken.None)).Count);
        string markdown = await File.ReadAllTextAsync(output);
        Assert.All(paragraphs, p => Assert.Contains(p.Text, markdown, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Interactive_story_killed_while_waiting_uses_the_choice_made_after_the_restart()
    {
        const string id = "crash-wait";
        string output = Path.Combine(_folder, "wait.md");
        StoryState waiting;
        using (RgptProcess first = RgptProcess.Start(await EnvironmentAsync(), _folder, "write", "a lighthouse keeper vanishes", "--mode", "interactive", "--paragraphs", "4", "--id", id, "--out", output))
        {
            waiting = await WaitForStateAsync(id, s => s.Status == StoryStatus.AwaitingChoice, first);

            // Killed while the instance waits on its doorbell, with no activity in flight.
            await WaitForCustomStatusAsync(id, "awaiting-choice", first);
            first.Kill();
        }

        using RgptProcess resumed = RgptProcess.Start(await EnvironmentAsync(), _folder, "resume", id, "--out", output);
        resumed.WriteLine("2");
        resumed.WriteLine("1");
        resumed.WriteLine("1");
        int exit = await resumed.WaitForExitAsync(TimeSpan.FromMinutes(3));

        Assert.True(exit == 0, resumed.Output);
        PlanChoice choice = (await new StoryStateStore(_storage).GetChoiceAsync(id, 1, CancellationToken.None))!;
        Assert.Equal(waiting.Plans[1], choice.Plan);
        StepRecord record = (await new StepRecordStore(_storage).ReadAsync(id, 1, CancellationToken.None))!;
        Assert.Equal(waiting.Plans[1], record.Inputs.ChosenPlan);
        Assert.Equal(4, (await new StoryStateStore(_storage).GetAsync(id, CancellationToken.None))!.State.ParagraphCount);
    }

    private async Task<IReadOnlyDictionary<string, string>> EnvironmentAsync() => new Dictionary<string, string>
    {
        ["RGPT_DATA"] = Path.Combine(_folder, "data"),
        ["RGPT_Storage__ConnectionString"] = await azurite.ConnectionStringAsync(),
        ["RGPT_Model__Provider"] = "OpenAICompatible",
        ["RGPT_Model__BaseUrl"] = _model.OpenAIBaseUrl.ToString(),
        ["RGPT_Model__ModelName"] = "offline-at-the-wire",
        ["RGPT_Workflow__SweepInterval"] = "00:00:01",

        // An activity abandoned by the kill is handed out again once its lock lapses: keep that short in tests.
        ["RGPT_Runtime__ActivityLockTimeout"] = "00:00:05",
        ["RGPT_Runtime__OrchestrationLockTimeout"] = "00:00:05",
    };

    /// <summary>Polls the task hub's instance row (the engine's own table) until its custom status mentions <paramref name="status"/>.</summary>
    private async Task WaitForCustomStatusAsync(string id, string status, RgptProcess process)
    {
        var instances = new Azure.Data.Tables.TableClient(await azurite.ConnectionStringAsync(), "RecurrentGptInstances");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(1) && !process.HasExited)
        {
            Azure.NullableResponse<Azure.Data.Tables.TableEntity> row = await instances.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(id, string.Empty);
            if (row.HasValue && row.Value!.GetString("CustomStatus")?.Contains(status, StringComparison.Ordinal) == true)
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"instance {id} never showed custom status {status}; rgpt said:\n{process.Output}");
    }

    private async Task<StoryState> WaitForStateAsync(string id, Func<StoryState, bool> condition, RgptProcess process)
    {
        var states = new StoryStateStore(_storage);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"rgpt exited early:\n{process.Output}");
            }

            StoryState? state = (await states.GetAsync(id, CancellationToken.None))?.State;
            if (state is not null && condition(state))
            {
                return state;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"story {id} never reached the expected state; rgpt said:\n{process.Output}");
    }
}
