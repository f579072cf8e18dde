using System.Diagnostics;
using RecurrentGpt.Core.Story;
using RecurrentGpt.TestSupport;
using Xunit.Abstractions;

namespace RecurrentGpt.Local.Tests.Cli;

/// <summary>
/// How long <c>rgpt resume</c> keeps a writer waiting after the last rgpt stopped mid-step, with the runtime's own lock
/// settings (no test overrides): after Ctrl-C the step's work is handed back at once, after a kill it waits out the
/// activity lock; either way resume says what it waits for.
/// </summary>
public class ResumeLatencyTests(AzuriteFixture azurite, ITestOutputHelper log) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    // Long enough that a signal sent just after the call arrives surely lands while it is in flight.
    private static readonly TimeSpan StepCallTime = TimeSpan.FromSeconds(3);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rgpt-latency-" + Guid.NewGuid().ToString("N"));
    private ChatCompletionsServer _model = null!;
    private StoredStories _stories = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _model = await ChatCompletionsServer.StartAsync();
        _model.WhenScriptIsEmpty = OfflineWriterReplies.SlowSteps(StepCallTime);
        _stories = new StoredStories(await azurite.ConnectionStringAsync());
    }

    public async Task DisposeAsync()
    {
        await _model.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task After_ctrl_c_mid_call_resume_writes_the_next_paragraph_within_seconds_and_calls_the_model_once_per_step()
    {
        const string id = "latency-pause";
        int pausedAt;
        using (RgptProcess first = RgptProcess.Start(await EnvironmentAsync(), _folder, "write", "a lighthouse keeper vanishes", "--paragraphs", "6", "--id", id))
        {
            pausedAt = await WaitForStepCallInFlightAsync(id, first);
            first.Interrupt();
            int exit = await first.WaitForExitAsync(TimeSpan.FromMinutes(1));
            Assert.True(exit == 130, $"exit {exit}:\n{first.Output}");
        }

        (TimeSpan toNextParagraph, RgptProcess resumed) = await ResumeAndTimeNextParagraphAsync(id, pausedAt);
        using (resumed)
        {
            log.WriteLine($"after Ctrl-C: {toNextParagraph.TotalSeconds:F1} s from rgpt resume to paragraph {pausedAt + 1}");
            int exit = await resumed.WaitForExitAsync(TimeSpan.FromMinutes(2));

            Assert.True(toNextParagraph < TimeSpan.FromSeconds(20), $"the next paragraph came {toNextParagraph.TotalSeconds:F1} s after resume:\n{resumed.Output}");
            Assert.True(exit == 0, resumed.Output);
            StoryState state = (await _stories.GetAsync(id))!;
            Assert.Equal(6, state.ParagraphCount);

            // The call in flight at Ctrl-C was allowed to finish, so no step was asked of the model twice.
            Assert.Equal(state.Step, _model.Requests.Count(OfflineWriterReplies.IsStepCall));
        }
    }

    [Fact]
    public async Task After_a_kill_mid_call_resume_says_what_it_recovers_and_writes_the_next_paragraph_within_the_activity_lock()
    {
        const string id = "latency-kill";
        int killedAt;
        using (RgptProcess first = RgptProcess.Start(await EnvironmentAsync(), _folder, "write", "a lighthouse keeper vanishes", "--paragraphs", "5", "--id", id))
        {
            killedAt = await WaitForStepCallInFlightAsync(id, first);
            first.Kill();
        }

        (TimeSpan toNextParagraph, RgptProcess resumed) = await ResumeAndTimeNextParagraphAsync(id, killedAt);
        using (resumed)
        {
            log.WriteLine($"after SIGKILL: {toNextParagraph.TotalSeconds:F1} s from rgpt resume to paragraph {killedAt + 1}");
            int exit = await resumed.WaitForExitAsync(TimeSpan.FromMinutes(2));

            Assert.True(toNextParagraph < TimeSpan.FromSeconds(25), $"the next paragraph came {toNextParagraph.TotalSeconds:F1} s after resume:\n{resumed.Output}");
            Assert.Contains($"Recovering the step interrupted at step {killedAt - 1}", resumed.Output, StringComparison.Ordinal);
            Assert.True(exit == 0, resumed.Output);
            Assert.Equal(5, (await _stories.GetAsync(id))!.ParagraphCount);
        }
    }

    /// <summary>Waits until a step's model call has arrived and is being answered; returns the paragraphs written before it.</summary>
    private async Task<int> WaitForStepCallInFlightAsync(string id, RgptProcess process)
    {
        StoryState state = await _stories.WaitForAsync(id, s => s.ParagraphCount >= 3, process);
        int callsBefore = state.Step;
        var clock = Stopwatch.StartNew();
        while (_model.Requests.Count(OfflineWriterReplies.IsStepCall) <= callsBefore)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"no step call arrived:\n{process.Output}");
            await Task.Delay(20);
        }

        // The call now waits StepCallTime for its answer: land in the middle of it.
        await Task.Delay(StepCallTime / 3);
        return (await _stories.GetAsync(id))!.ParagraphCount;
    }

    private async Task<(TimeSpan ToNextParagraph, RgptProcess Resumed)> ResumeAndTimeNextParagraphAsync(string id, int paragraphsBefore)
    {
        var clock = Stopwatch.StartNew();
        RgptProcess resumed = RgptProcess.Start(await EnvironmentAsync(), _folder, "resume", id);
        await _stories.WaitForAsync(id, s => s.ParagraphCount > paragraphsBefore, resumed, TimeSpan.FromMinutes(2));
        return (clock.Elapsed, resumed);
    }

    // The runtime's lock settings are left at their defaults on purpose: they are what a writer waits out.
    private async Task<IReadOnlyDictionary<string, string>> EnvironmentAsync() => new Dictionary<string, string>
    {
        ["RGPT_DATA"] = Path.Combine(_folder, "data"),
        ["RGPT_Storage__ConnectionString"] = await azurite.ConnectionStringAsync(),
        ["RGPT_Model__Provider"] = "OpenAICompatible",
        ["RGPT_Model__BaseUrl"] = _model.OpenAIBaseUrl.ToString(),
        ["RGPT_Model__ModelName"] = "offline-at-the-wire",
    };
}
