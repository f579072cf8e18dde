using System.Text.Json.Nodes;
using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;
using Xunit.Abstractions;

namespace RecurrentGpt.TestSupport.Tests;

/// <summary>The fault mode over the offline writer, driven by the real writer and client: real prompts, real answers.</summary>
public sealed class OfflineWriterFaultTests(ITestOutputHelper output)
{
    private static readonly Premise Premise = new("gothic mystery", "a lighthouse keeper's inheritance", null, StoryLanguage.English);

    [Theory]
    [InlineData(FaultKind.FourPlans)]
    [InlineData(FaultKind.DuplicateDrops)]
    [InlineData(FaultKind.OutOfRangeDrop)]
    [InlineData(FaultKind.MissingRequiredField)]
    [InlineData(FaultKind.OversizedMemory)]
    public async Task Content_faults_spoil_the_offline_writers_real_step_answer(FaultKind kind)
    {
        RecordedRequest step = await RealStepRequestAsync();
        JsonObject wellFormed = CannedAnswers.Parse(OfflineWriterReplies.Answer(step).Content!);
        FaultyReplies faults = FaultyReplies.Over(OfflineWriterReplies.Answer, new FaultPlan(seed: 3, rate: 1) { Kinds = new HashSet<FaultKind> { kind } });

        JsonObject spoiled = CannedAnswers.Parse(faults.Answer(step).Content!);

        Assert.Equal(kind, Assert.Single(faults.Decisions).Fault);
        Assert.False(JsonNode.DeepEquals(wellFormed, spoiled));
        switch (kind)
        {
            case FaultKind.FourPlans:
                Assert.Equal(4, spoiled["plans"]!.AsArray().Count);
                break;
            case FaultKind.DuplicateDrops:
                int[] drops = spoiled["memory_drop"]!.AsArray().Select(d => d!["sentence"]!.GetValue<int>()).ToArray();
                Assert.NotEqual(drops.Length, drops.Distinct().Count());
                break;
            case FaultKind.OutOfRangeDrop:
                Assert.Contains(999, spoiled["memory_drop"]!.AsArray().Select(d => d!["sentence"]!.GetValue<int>()));
                break;
            case FaultKind.MissingRequiredField:
                Assert.Equal(wellFormed.Count - 1, spoiled.Count);
                break;
            case FaultKind.OversizedMemory:
                Assert.True(TextMeasure.CountUnits(spoiled["memory_add"]![0]!["text"]!.ToString()) > 2000);
                break;
        }
    }

    [Fact]
    public async Task A_rerun_of_a_story_with_the_same_seed_meets_the_same_faults()
    {
        var plan = new FaultPlan(seed: 2024, rate: 0.4) { Kinds = FaultKinds.Content };

        (FaultyReplies first, IReadOnlyList<string> firstBodies) = await WriteStoryAsync(plan);
        (FaultyReplies second, IReadOnlyList<string> secondBodies) = await WriteStoryAsync(plan);
        output.WriteLine(first.Counts.ToString());
        output.WriteLine(string.Join(", ", first.Decisions));

        Assert.Equal(first.Decisions, second.Decisions);
        Assert.Equal(firstBodies, secondBodies);
        Assert.InRange(first.Counts.Faulted, 1, first.Counts.Total - 1);
    }

    /// <summary>An opening and up to four steps by the real writer; a fault it cannot repair ends the story early, as it may.</summary>
    private static async Task<(FaultyReplies, IReadOnlyList<string>)> WriteStoryAsync(FaultPlan plan)
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        FaultyReplies faults = FaultyReplies.Over(OfflineWriterReplies.Answer, plan);
        server.WhenScriptIsEmpty = faults.Answer;
        using CancellationTokenSource deadline = FaultServer.StartDeadline();
        var writer = new RecurrentWriter(server.ChatClient(), WriterSettings.Default);
        try
        {
            OpeningOutcome opening = (await writer.OpenAsync(Premise, deadline.Token)).Value;
            StepRequest step = FirstStep(opening);
            for (int n = 1; n <= 4; n++)
            {
                StepOutcome outcome = (await writer.WriteStepAsync(step, recommend: true, deadline.Token)).Value;
                step = step with
                {
                    Step = n + 1,
                    PreviousParagraph = outcome.Draft.Paragraph,
                    ShortTermMemory = outcome.Memory,
                    ChosenPlan = outcome.Draft.Plans[(outcome.Draft.RecommendedPlan ?? 1) - 1],
                };
            }
        }
        catch (ModelOutputException)
        {
            // Two spoiled answers in a row outlast the writer's one repair: the story stops here, the same way each run.
        }

        Assert.Equal(server.Requests.Count, faults.Counts.Total);
        return (faults, server.Requests.Select(r => r.Body).ToArray());
    }

    /// <summary>The request the real writer sends for a story's first step, answered by the offline writer.</summary>
    private static async Task<RecordedRequest> RealStepRequestAsync()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.WhenScriptIsEmpty = OfflineWriterReplies.Answer;
        using CancellationTokenSource deadline = FaultServer.StartDeadline();
        var writer = new RecurrentWriter(server.ChatClient(), WriterSettings.Default);

        OpeningOutcome opening = (await writer.OpenAsync(Premise, deadline.Token)).Value;
        await writer.WriteStepAsync(FirstStep(opening), recommend: true, deadline.Token);

        return server.Requests.First(OfflineWriterReplies.IsStepCall);
    }

    private static StepRequest FirstStep(OpeningOutcome opening) => new(
        Premise,
        opening.Opening.Title,
        opening.Opening.Outline,
        Step: 1,
        opening.Opening.Paragraphs[^1],
        opening.Memory,
        LongTermMemories: [],
        opening.Opening.Plans[0]);
}
