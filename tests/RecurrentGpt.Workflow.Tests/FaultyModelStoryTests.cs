using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Models;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Stories;
using Xunit.Abstractions;

namespace RecurrentGpt.Workflow.Tests;

/// <summary>
/// Eight stories (English and Chinese, auto and interactive with scripted choices) against the real client and a
/// chat-completions server whose answers follow our schemas, clean or with seeded faults of every kind.
/// </summary>
public class FaultyModelStoryTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29116;
    private const int Paragraphs = 8;

    [Fact]
    public async Task With_clean_answers_eight_stories_of_eight_paragraphs_complete_and_none_needs_attention()
    {
        StoryRun run = await RunAsync(new FaultPlan(seed: 1, rate: 0));

        Assert.Equal(0, run.AttentionRounds);
        Assert.Equal(0, run.Faults.Faulted);
    }

    [Fact]
    public async Task With_thirty_percent_faulty_answers_all_eight_stories_complete_and_the_step_records_show_what_was_normalised()
    {
        StoryRun run = await RunAsync(new FaultPlan(seed: 20261202, rate: 0.3) with { SlowAnswerDelay = TimeSpan.FromSeconds(2) });

        Assert.True(run.Faults.Faulted >= 10, run.Faults.ToString());
        Assert.NotEmpty(run.Normalisations);
    }

    private async Task<StoryRun> RunAsync(FaultPlan plan)
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        FaultyReplies faults = FaultyReplies.Over(OfflineWriterReplies.Answer, plan);
        server.WhenScriptIsEmpty = faults.Answer;
        IChatClient chat = ChatClientFactory.Create(new ModelOptions
        {
            Provider = ModelProvider.OpenAICompatible,
            BaseUrl = server.OpenAIBaseUrl.ToString(),
            ModelName = "story-model",
            MaxRetries = 1,
            NetworkTimeoutSeconds = 1,
        });
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port, chat, configure: options => options.ModelAttempts = 3);

        (StoryLanguage Language, StoryMode Mode)[] kinds = [(StoryLanguage.English, StoryMode.Auto), (StoryLanguage.Chinese, StoryMode.Auto), (StoryLanguage.English, StoryMode.Interactive), (StoryLanguage.Chinese, StoryMode.Interactive)];
        var ids = new List<string>();
        for (int i = 0; i < 8; i++)
        {
            (StoryLanguage language, StoryMode mode) = kinds[i % kinds.Length];
            var premise = language == StoryLanguage.Chinese
                ? new Premise("悬疑", "灯塔看守人在瓶子里发现了一封信", null, language)
                : new Premise("mystery", "a lighthouse keeper finds a message in a bottle", null, language);
            ids.Add(await harness.Get<StoryStarter>().StartAsync(new NewStory($"faulty-{plan.Rate * 100:0}-{i}", premise, mode, Paragraphs), CancellationToken.None));
        }

        // Chooses for the interactive stories as a writer would, and retries a story that needs attention, once per reading.
        int attention = 0;
        await Polling.UntilAsync(
            async () =>
            {
                var states = new List<StoryState>();
                foreach (string id in ids)
                {
                    StoryState state = await harness.StateAsync(id);
                    if (state.Status == StoryStatus.AwaitingChoice)
                    {
                        int plan = (state.Step % state.Plans.Count) + 1;
                        await harness.Get<ChoiceRecorder>().RecordAsync(id, state.Step + 1, state.Plans[plan - 1], PlanChoiceSource.Picked, plan, CancellationToken.None);
                    }
                    else if (state.Status == StoryStatus.NeedsAttention)
                    {
                        output.WriteLine($"{id} needs attention at step {state.Step + 1}: {state.AttentionReason}");
                        attention++;
                        await harness.Get<StoryControl>().RetryAsync(id, CancellationToken.None);
                    }

                    states.Add(state);
                }

                return states;
            },
            states => states.All(state => state.Status == StoryStatus.Completed),
            states => string.Join("; ", states?.Select(s => $"{s.StoryId} {s.Status} {s.ParagraphCount}") ?? []),
            TimeSpan.FromMinutes(4));

        var normalisations = new List<string>();
        foreach (string id in ids)
        {
            StoryState state = await harness.StateAsync(id);
            Assert.Equal(Paragraphs, state.ParagraphCount);
            Assert.Empty(await harness.Get<StoryAudit>().CheckAsync(id, CancellationToken.None));
            IReadOnlyList<StoredParagraph> texts = await harness.Get<ParagraphStore>().ReadRangeAsync(id, 0, Paragraphs, CancellationToken.None);
            Assert.Equal(Enumerable.Range(0, Paragraphs), texts.Select(p => p.Index));
            for (int step = 1; step <= state.Step; step++)
            {
                StepRecord record = (await harness.Get<StepRecordStore>().ReadAsync(id, step, CancellationToken.None))!;
                normalisations.AddRange(record.Exchanges.SelectMany(exchange => exchange.Normalisations));
            }
        }

        output.WriteLine($"faults: {faults.Counts}; needs-attention rounds: {attention}; normalisations: {normalisations.Count}");
        foreach (string normalisation in normalisations.Distinct())
        {
            output.WriteLine($"  normalised: {normalisation}");
        }

        return new StoryRun(faults.Counts, attention, normalisations);
    }

    private sealed record StoryRun(FaultCounts Faults, int AttentionRounds, IReadOnlyList<string> Normalisations);
}
