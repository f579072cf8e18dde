using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Infrastructure.Offline;

namespace RecurrentGpt.Infrastructure.Tests.Offline;

public class OfflineWriterTests
{
    private static readonly Premise Lighthouse = new("mystery", "a lighthouse keeper named Elias Grey vanishes from a harbour town", null, StoryLanguage.English);
    private static readonly Premise Harbour = new("悬疑", "一座港口城市里，名叫林舟的灯塔看守人失踪了", null, StoryLanguage.Chinese);

    [Fact]
    public async Task Opening_is_well_formed_with_realistic_lengths_and_names_from_the_premise()
    {
        var writer = new RecurrentWriter(new OfflineWriter(), WriterSettings.Default);

        WriterResult<OpeningOutcome> result = await writer.OpenAsync(Lighthouse, CancellationToken.None);

        StoryOpening opening = result.Value.Opening;
        Assert.Equal(2, opening.Paragraphs.Count);
        Assert.All(opening.Paragraphs, p => Assert.InRange(TextMeasure.CountUnits(p), 120, 250));
        Assert.Equal(3, opening.Plans.Count);
        Assert.All(opening.Plans, p => Assert.InRange(TextMeasure.CountUnits(p), 40, 90));
        Assert.InRange(result.Value.Memory.Units, 300, 400);
        Assert.Contains("Elias", opening.Outline, StringComparison.Ordinal);
        Assert.Contains("Elias", result.Value.Memory.Text, StringComparison.Ordinal);
        Assert.Equal(OfflineWriter.ModelId, result.Exchanges.Single().ModelId);
        Assert.True(result.Usage.InputTokens > 0 && result.Usage.OutputTokens > 0);
    }

    [Fact]
    public async Task Same_story_and_step_give_the_same_output()
    {
        var first = await StepOnceAsync(Lighthouse, "Elias rows out to the wreck at low tide and finds the logbook.");
        var second = await StepOnceAsync(Lighthouse, "Elias rows out to the wreck at low tide and finds the logbook.");
        var other = await StepOnceAsync(Lighthouse, "Mara Quint confronts the harbour master about the missing boat.");

        Assert.Equal(first.Draft.Paragraph, second.Draft.Paragraph);
        Assert.Equal(first.Draft.Plans, second.Draft.Plans);
        Assert.NotEqual(first.Draft.Paragraph, other.Draft.Paragraph);
    }

    [Fact]
    public async Task Step_carries_the_plan_and_its_names_into_the_paragraph_and_memory()
    {
        StepOutcome step = await StepOnceAsync(Lighthouse, "Mara Quint confronts the harbour master about the missing boat.");

        Assert.Contains("Mara Quint confronts the harbour master", step.Draft.Paragraph, StringComparison.Ordinal);
        Assert.Contains("Mara", step.Memory.Text, StringComparison.Ordinal);
        Assert.InRange(TextMeasure.CountUnits(step.Draft.Paragraph), 120, 250);
        Assert.All(step.Draft.Plans, p => Assert.InRange(TextMeasure.CountUnits(p), 40, 90));
        Assert.InRange(step.Memory.Units, 250, 400);
        Assert.Equal(MemoryBounding.WithinCap, step.Bounding);
    }

    [Fact]
    public async Task Chinese_story_is_written_in_chinese()
    {
        StepOutcome step = await StepOnceAsync(Harbour, "林舟在退潮时划船到沉船边，找到了那本航海日志。");

        Assert.Contains("林舟在退潮时划船到沉船边", step.Draft.Paragraph, StringComparison.Ordinal);
        Assert.True(step.Draft.Paragraph.Count(TextMeasure.IsCjk) > step.Draft.Paragraph.Length / 2);
        Assert.All(step.Draft.Plans, p => Assert.True(TextMeasure.ContainsCjk(p)));
        Assert.InRange(TextMeasure.CountUnits(step.Draft.Paragraph), 120, 250);
    }

    [Fact]
    public async Task Human_simulator_reply_names_one_of_the_plans_and_refines_it()
    {
        var writer = new RecurrentWriter(new OfflineWriter(), WriterSettings.Default);
        var opening = (await writer.OpenAsync(Lighthouse, CancellationToken.None)).Value;
        var choice = new PlanChoiceRequest(Lighthouse, opening.Opening.Outline, opening.Opening.Paragraphs[^1], opening.Memory, opening.Opening.Plans);

        PlanPick pick = (await writer.ChoosePlanAsync(choice, CancellationToken.None)).Value;

        Assert.InRange(pick.ChosenPlan, 1, 3);
        string chosen = opening.Opening.Plans[pick.ChosenPlan - 1];
        Assert.StartsWith(chosen[..30], pick.RefinedPlan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rewrite_mode_reply_keeps_the_memory_it_was_shown_and_stays_under_the_cap()
    {
        var settings = WriterSettings.Default with { MemoryMode = MemoryMode.Rewrite };
        StepOutcome step = await StepOnceAsync(Lighthouse, "Elias reads the logbook aloud in the empty chapel.", settings);

        Assert.True(step.Draft.MemoryUpdate.IsRewrite);
        Assert.InRange(step.Memory.Units, 250, settings.MemoryCapUnits);
        Assert.Contains("Elias reads the logbook aloud", step.Memory.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offline_writer_names_itself_in_its_metadata()
    {
        using IChatClient writer = new OfflineWriter();

        var metadata = writer.GetService<ChatClientMetadata>();

        Assert.Equal("offline-writer", metadata?.ProviderName);
        Assert.Equal("offline-writer", metadata?.DefaultModelId);
        await Task.CompletedTask;
    }

    private static async Task<StepOutcome> StepOnceAsync(Premise premise, string plan, WriterSettings? settings = null)
    {
        var writer = new RecurrentWriter(new OfflineWriter(), settings ?? WriterSettings.Default);
        OpeningOutcome opening = (await writer.OpenAsync(premise, CancellationToken.None)).Value;
        var request = new StepRequest(premise, opening.Opening.Title, opening.Opening.Outline, 1, opening.Opening.Paragraphs[^1], opening.Memory, [], plan);
        WriterResult<StepOutcome> result = await writer.WriteStepAsync(request, recommend: false, CancellationToken.None);
        Assert.All(result.Exchanges, e => Assert.Null(e.ParseError));
        return result.Value;
    }
}
