using System.Text.Json.Nodes;
using RecurrentGpt.Core.Memory;

namespace RecurrentGpt.TestSupport.Tests;

/// <summary>Each content fault, fetched over HTTP, really is what its name says, made from the well-formed answer.</summary>
public sealed class ContentFaultTests
{
    private static readonly string WellFormedStep = CannedAnswers.Json(CannedAnswers.Step);

    [Fact]
    public async Task Truncated_json_is_the_first_half_of_the_answer_and_does_not_parse()
    {
        string content = await ContentAsync(FaultKind.TruncatedJson, CannedAnswers.Step);

        Assert.False(CannedAnswers.IsJson(content));
        Assert.Equal(WellFormedStep[..(WellFormedStep.Length / 2)], content);
    }

    [Fact]
    public async Task Fenced_json_is_the_answer_inside_a_json_fence()
    {
        string content = await ContentAsync(FaultKind.FencedJson, CannedAnswers.Step);

        Assert.StartsWith("```json\n", content, StringComparison.Ordinal);
        Assert.EndsWith("\n```", content, StringComparison.Ordinal);
        Assert.Contains(WellFormedStep, content, StringComparison.Ordinal);
        Assert.False(CannedAnswers.IsJson(content));
    }

    [Fact]
    public async Task Prose_around_json_wraps_the_answer_in_chat()
    {
        string content = await ContentAsync(FaultKind.ProseAroundJson, CannedAnswers.Step);

        Assert.Equal("Here is the next part: " + WellFormedStep + " Hope this helps!", content);
    }

    [Theory]
    [InlineData(CannedAnswers.Opening)]
    [InlineData(CannedAnswers.Step)]
    [InlineData(CannedAnswers.PlanChoice)]
    [InlineData(CannedAnswers.Compression)]
    public async Task Missing_required_field_drops_exactly_one_property_and_keeps_the_rest(string schemaName)
    {
        JsonObject wellFormed = CannedAnswers.Parse(CannedAnswers.Json(schemaName));

        JsonObject spoiled = CannedAnswers.Parse(await ContentAsync(FaultKind.MissingRequiredField, schemaName));

        string missing = Assert.Single(wellFormed.Select(p => p.Key).Except(spoiled.Select(p => p.Key)));
        Assert.Equal(wellFormed.Count - 1, spoiled.Count);
        Assert.All(spoiled, pair => Assert.True(JsonNode.DeepEquals(wellFormed[pair.Key], pair.Value), $"{pair.Key} changed; only {missing} should go"));
    }

    [Fact]
    public async Task Missing_required_field_removes_different_fields_under_different_seeds()
    {
        var missing = new HashSet<string>();
        JsonObject wellFormed = CannedAnswers.Parse(WellFormedStep);
        for (int seed = 1; seed <= 30; seed++)
        {
            JsonObject spoiled = CannedAnswers.Parse(await ContentAsync(FaultKind.MissingRequiredField, CannedAnswers.Step, seed));
            missing.UnionWith(wellFormed.Select(p => p.Key).Except(spoiled.Select(p => p.Key)));
        }

        Assert.Contains("paragraph", missing);
        Assert.Contains("plans", missing);
    }

    [Theory]
    [InlineData(CannedAnswers.Opening)]
    [InlineData(CannedAnswers.Step)]
    public async Task Four_plans_keeps_the_three_and_adds_a_fourth(string schemaName)
    {
        JsonArray wellFormed = CannedAnswers.Parse(CannedAnswers.Json(schemaName))["plans"]!.AsArray();

        JsonArray plans = CannedAnswers.Parse(await ContentAsync(FaultKind.FourPlans, schemaName))["plans"]!.AsArray();

        Assert.Equal(4, plans.Count);
        Assert.Equal(wellFormed.Select(p => p!.ToString()), plans.Take(3).Select(p => p!.ToString()));
    }

    [Fact]
    public async Task Oversized_memory_blows_a_step_memory_addition_far_past_the_cap()
    {
        JsonObject spoiled = CannedAnswers.Parse(await ContentAsync(FaultKind.OversizedMemory, CannedAnswers.Step));

        string addition = spoiled["memory_add"]![0]!["text"]!.ToString();
        Assert.True(TextMeasure.CountUnits(addition) > 2000, $"only {TextMeasure.CountUnits(addition)} units");
        Assert.StartsWith("Something knocks in the cellar at night.", addition, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CannedAnswers.Opening)]
    [InlineData(CannedAnswers.RewriteStep)]
    [InlineData(CannedAnswers.Compression)]
    public async Task Oversized_memory_blows_a_whole_memory_far_past_the_cap(string schemaName)
    {
        JsonObject spoiled = CannedAnswers.Parse(await ContentAsync(FaultKind.OversizedMemory, schemaName));

        Assert.True(TextMeasure.CountUnits(spoiled["memory"]!.ToString()) > 2000);
    }

    [Fact]
    public async Task Oversized_memory_grows_past_the_units_the_plan_names()
    {
        var plan = new FaultPlan(seed: 1, rate: 1) { Kinds = new HashSet<FaultKind> { FaultKind.OversizedMemory }, OversizedMemoryUnits = 500 };
        await using FaultServer faults = await FaultServer.StartAsync(plan);
        using CancellationTokenSource deadline = FaultServer.StartDeadline();

        JsonObject spoiled = CannedAnswers.Parse(await faults.ContentAsync(CannedAnswers.Compression, deadline.Token));

        Assert.InRange(TextMeasure.CountUnits(spoiled["memory"]!.ToString()), 501, 520);
    }

    [Fact]
    public async Task Empty_content_is_a_200_completion_with_nothing_in_it()
    {
        Assert.Equal(string.Empty, await ContentAsync(FaultKind.EmptyContent, CannedAnswers.Step));
    }

    [Fact]
    public async Task Duplicate_drops_names_a_dropped_sentence_twice()
    {
        JsonObject spoiled = CannedAnswers.Parse(await ContentAsync(FaultKind.DuplicateDrops, CannedAnswers.Step));

        int[] sentences = Sentences(spoiled);
        Assert.Equal([2, 2], sentences);
    }

    [Fact]
    public async Task Duplicate_drops_with_nothing_dropped_drops_the_first_sentence_twice()
    {
        JsonObject noDrops = CannedAnswers.Parse(WellFormedStep);
        noDrops["memory_drop"] = new JsonArray();
        var plan = new FaultPlan(seed: 1, rate: 1) { Kinds = new HashSet<FaultKind> { FaultKind.DuplicateDrops } };
        await using FaultServer faults = await FaultServer.StartAsync(plan, _ => ScriptedReply.Completion(noDrops.ToJsonString()));
        using CancellationTokenSource deadline = FaultServer.StartDeadline();

        JsonObject spoiled = CannedAnswers.Parse(await faults.ContentAsync(CannedAnswers.Step, deadline.Token));

        Assert.Equal([1, 1], Sentences(spoiled));
    }

    [Fact]
    public async Task Out_of_range_drop_adds_a_sentence_number_past_any_memory()
    {
        JsonObject spoiled = CannedAnswers.Parse(await ContentAsync(FaultKind.OutOfRangeDrop, CannedAnswers.Step));

        Assert.Equal([2, 999], Sentences(spoiled));
    }

    [Fact]
    public async Task Content_faults_reach_a_streaming_client_too()
    {
        await using FaultServer faults = await FaultServer.AlwaysAsync(FaultKind.FencedJson);
        using CancellationTokenSource deadline = FaultServer.StartDeadline();

        using HttpResponseMessage response = await faults.PostAsync(CannedAnswers.RequestBody(CannedAnswers.Step, stream: true), deadline.Token);
        string events = await response.Content.ReadAsStringAsync(deadline.Token);

        Assert.EndsWith("data: [DONE]\n\n", events, StringComparison.Ordinal);
        string firstEvent = events.Split("\n\n")[0]["data: ".Length..];
        string streamed = JsonNode.Parse(firstEvent)!["choices"]![0]!["delta"]!["content"]!.GetValue<string>();
        Assert.Equal("```json\n" + WellFormedStep + "\n```", streamed);
    }

    private static async Task<string> ContentAsync(FaultKind kind, string schemaName, int seed = 1)
    {
        await using FaultServer faults = await FaultServer.AlwaysAsync(kind, seed);
        using CancellationTokenSource deadline = FaultServer.StartDeadline();
        string content = await faults.ContentAsync(schemaName, deadline.Token);
        Assert.Equal(1, faults.Faults.Counts[kind]);
        return content;
    }

    private static int[] Sentences(JsonObject step) =>
        step["memory_drop"]!.AsArray().Select(drop => drop!["sentence"]!.GetValue<int>()).ToArray();
}
