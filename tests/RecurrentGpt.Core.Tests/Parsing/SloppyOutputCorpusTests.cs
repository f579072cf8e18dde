using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Parsing;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Core.Tests.Parsing;

public class SloppyOutputCorpusTests
{
    private static readonly ShortTermMemory SaltRoadMemory = ShortTermMemory.FromText(
        "Mara Quill keeps the Gull Point light while her father is ill. Her brother Tobin has been gone for three days. A note in Tobin's hand asks her not to light the lamp tonight.");

    private static readonly ShortTermMemory FogHarbourMemory = ShortTermMemory.FromText(
        "林舟在雾港寻找失踪的哥哥林岩。船夫老周答应天亮前载她出海。灯塔已经三天没有亮过。");

    public static TheoryData<string> ReadableNames => new(SloppyOutputCorpus.Readable.Keys);

    public static TheoryData<string> UnreadableNames => new(SloppyOutputCorpus.Unreadable.Keys);

    [Fact]
    public void The_corpus_holds_at_least_thirty_readable_outputs_in_both_languages_and_every_kind()
    {
        Assert.True(SloppyOutputCorpus.Readable.Count >= 30, $"only {SloppyOutputCorpus.Readable.Count} outputs");
        Assert.Contains(SloppyOutputCorpus.Readable.Values, o => o.Chinese);
        Assert.All(Enum.GetValues<OutputKind>(), kind => Assert.Contains(SloppyOutputCorpus.Readable.Values, o => o.Kind == kind));
    }

    [Theory]
    [MemberData(nameof(ReadableNames))]
    public void A_sloppy_output_parses_to_a_well_formed_result_with_its_normalisations_recorded(string name)
    {
        SloppyOutput output = SloppyOutputCorpus.Readable[name];

        IReadOnlyList<string> normalisations = ParseWellFormed(output.Kind, output.Chinese, output.Raw);

        Assert.Equal(output.Normalisations.Order(StringComparer.Ordinal), normalisations.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(UnreadableNames))]
    public void An_output_missing_meaning_still_fails_with_a_clear_error(string name)
    {
        (OutputKind kind, bool chinese, string raw, string error) = SloppyOutputCorpus.Unreadable[name];

        string? actual = kind switch
        {
            OutputKind.Opening => Fails(OutputParsers.ParseOpening(raw)),
            OutputKind.PlanPick => Fails(OutputParsers.ParsePlanPick(raw)),
            OutputKind.Compression => Fails(OutputParsers.ParseCompressedMemory(raw)),
            _ => Fails(ParseStep(kind, chinese, raw)),
        };

        Assert.Equal(error, actual);
    }

    /// <summary>
    /// Outputs nobody wrote by hand: a clean step output mangled at random (fences, prose, key order, extra keys,
    /// repeated and impossible drops, extra, empty and repeated plans, padding) must still parse well formed, and
    /// every mangling that changes meaning-bearing content must be named in the normalisations.
    /// </summary>
    [Fact]
    public void Randomly_mangled_step_outputs_parse_well_formed_and_name_what_was_normalised()
    {
        var random = new Random(20240611);
        for (int i = 0; i < 300; i++)
        {
            bool chinese = random.Next(2) == 0;
            (string raw, List<string> expectedParts) = Mangle(random, chinese);

            IReadOnlyList<string> normalisations = ParseWellFormed(OutputKind.StepEdit, chinese, raw);

            foreach (string part in expectedParts)
            {
                Assert.True(
                    normalisations.Any(n => n.Contains(part, StringComparison.Ordinal)),
                    $"variant {i}: expected a normalisation with \"{part}\", got [{string.Join(" | ", normalisations)}]\n{raw}");
            }
        }
    }

    private static IReadOnlyList<string> ParseWellFormed(OutputKind kind, bool chinese, string raw) => kind switch
    {
        OutputKind.Opening => WellFormedOpening(raw),
        OutputKind.PlanPick => WellFormedPlanPick(raw),
        OutputKind.Compression => WellFormedCompression(raw),
        _ => WellFormedStep(kind, chinese, raw),
    };

    private static IReadOnlyList<string> WellFormedOpening(string raw)
    {
        ParseResult<StoryOpening> result = OutputParsers.ParseOpening(raw);
        StoryOpening opening = ParseAssert.Succeeds(result);
        AssertClean(opening.Title);
        AssertClean(opening.Outline);
        AssertClean(opening.ShortTermMemory);
        Assert.InRange(opening.Paragraphs.Count, 1, OutputParsers.MaxOpeningParagraphs);
        Assert.All(opening.Paragraphs, AssertClean);
        AssertThreeDistinctPlans(opening.Plans);
        return result.Normalisations;
    }

    private static IReadOnlyList<string> WellFormedPlanPick(string raw)
    {
        ParseResult<PlanPick> result = OutputParsers.ParsePlanPick(raw);
        PlanPick pick = ParseAssert.Succeeds(result);
        Assert.InRange(pick.ChosenPlan, 1, 3);
        AssertClean(pick.Reason);
        AssertClean(pick.RefinedPlan);
        return result.Normalisations;
    }

    private static IReadOnlyList<string> WellFormedCompression(string raw)
    {
        ParseResult<string> result = OutputParsers.ParseCompressedMemory(raw);
        AssertClean(ParseAssert.Succeeds(result));
        return result.Normalisations;
    }

    private static IReadOnlyList<string> WellFormedStep(OutputKind kind, bool chinese, string raw)
    {
        ParseResult<StepDraft> result = ParseStep(kind, chinese, raw);
        StepDraft step = ParseAssert.Succeeds(result);
        ShortTermMemory memory = chinese ? FogHarbourMemory : SaltRoadMemory;
        AssertClean(step.Paragraph);
        AssertClean(step.Summary);
        AssertThreeDistinctPlans(step.Plans);
        Assert.True(step.RecommendedPlan is null or >= 1 and <= 3, $"recommended plan {step.RecommendedPlan}");
        Assert.Equal(kind == OutputKind.StepRewrite, step.MemoryUpdate.IsRewrite);
        IReadOnlyList<int> drops = step.MemoryUpdate.Drops.Select(d => d.Sentence).ToList();
        Assert.Equal(drops.Distinct().Count(), drops.Count);
        Assert.All(drops, d => Assert.InRange(d, 1, memory.Sentences.Count));
        Assert.All(step.MemoryUpdate.Additions, a => AssertClean(a.Text));
        Assert.Empty(memory.Check(step.MemoryUpdate));

        // What parsed must apply: the writer applies it without a second look.
        memory.Apply(step.MemoryUpdate);
        return result.Normalisations;
    }

    private static ParseResult<StepDraft> ParseStep(OutputKind kind, bool chinese, string raw) =>
        OutputParsers.ParseStep(
            raw,
            chinese ? FogHarbourMemory : SaltRoadMemory,
            kind == OutputKind.StepRewrite ? MemoryMode.Rewrite : MemoryMode.Edit,
            recommend: kind == OutputKind.StepEditRecommended);

    private static string? Fails<T>(ParseResult<T> result)
        where T : class
    {
        Assert.False(result.Succeeded, "expected the parse to fail");
        return result.Error;
    }

    private static void AssertClean(string text)
    {
        Assert.False(string.IsNullOrWhiteSpace(text), "a value is empty");
        Assert.Equal(text.Trim(), text);
    }

    private static void AssertThreeDistinctPlans(IReadOnlyList<string> plans)
    {
        Assert.Equal(3, plans.Count);
        Assert.All(plans, AssertClean);
        Assert.Equal(3, plans.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    private static (string Raw, List<string> ExpectedParts) Mangle(Random random, bool chinese)
    {
        string[] plans = chinese
            ? ["老周承认林岩出海那晚是他开的船。", "渔船驶近无人岛。", "海警的巡逻艇靠近。", "林舟跳进海里游回码头。", "雾散了，灯塔突然亮起。"]
            : ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes.", "Tobin rows home.", "The fog lifts at last."];
        var expected = new List<string>();
        var planList = new List<string> { plans[0], plans[1], plans[2] };
        if (random.Next(3) == 0)
        {
            int extra = random.Next(1, 3);
            planList.AddRange(plans.Skip(3).Take(extra));
            expected.Add("; kept the first 3");
        }

        if (random.Next(4) == 0)
        {
            planList.Insert(random.Next(1, planList.Count + 1), plans[0]);
            expected.Add(" were the same; kept plan ");
        }

        if (random.Next(4) == 0)
        {
            planList.Insert(random.Next(planList.Count + 1), random.Next(2) == 0 ? "" : "   ");
            expected.Add(" was empty; dropped it");
        }

        var drops = new JsonArray();
        int sentence = random.Next(1, 4);
        drops.Add(new JsonObject { ["sentence"] = sentence, ["reason"] = chinese ? "过时了。" : "Out of date." });
        if (random.Next(2) == 0)
        {
            drops.Add(random.Next(2) == 0 ? JsonValue.Create(sentence) : JsonValue.Create($"[{sentence}]"));
            expected.Add($"memory_drop named sentence {sentence} twice");
        }

        if (random.Next(3) == 0)
        {
            int outside = random.Next(2) == 0 ? 0 : random.Next(4, 12);
            drops.Add(outside);
            expected.Add($"memory_drop named sentence {outside}, but");
        }

        var additions = new JsonArray { new JsonObject { ["text"] = chinese ? "林舟随老周出海了。" : "Vell landed in the cove.", ["reason"] = "." } };
        if (random.Next(4) == 0)
        {
            additions.Insert(0, new JsonObject { ["text"] = " ", ["reason"] = "." });
            expected.Add("memory_add item 1 was empty");
        }

        var sections = new List<KeyValuePair<string, JsonNode?>>
        {
            new("paragraph", Pad(random, chinese ? "天还没亮，老周的渔船就离开了码头。" : "Mara did not light the lamp.")),
            new("summary", chinese ? "林舟随老周出海。" : "Mara keeps the light dark."),
            new("memory_drop", drops),
            new("memory_add", additions),
            new("plans", new JsonArray(planList.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray())),
        };
        if (random.Next(3) == 0)
        {
            sections.Add(new(random.Next(2) == 0 ? "notes" : "self_check", "extra"));
            expected.Add("ignored the unexpected key");
        }

        var json = new JsonObject();
        foreach (KeyValuePair<string, JsonNode?> section in sections.OrderBy(_ => random.Next()))
        {
            json[section.Key] = section.Value;
        }

        var options = new JsonSerializerOptions { WriteIndented = random.Next(2) == 0, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var raw = new StringBuilder();
        if (random.Next(3) == 0)
        {
            raw.Append(chinese ? "好的，这是下一段：\n" : "Sure, here is the next step:\n");
            expected.Add("ignored the text before");
        }

        bool fenced = random.Next(2) == 0;
        if (fenced)
        {
            raw.Append(random.Next(2) == 0 ? "```json\n" : "```\n");
            expected.Add("the JSON object was inside a code fence");
        }

        raw.Append(json.ToJsonString(options));
        if (fenced)
        {
            raw.Append("\n```");
        }

        if (random.Next(3) == 0)
        {
            raw.Append(chinese ? "\n希望你喜欢。" : "\nLet me know if you want changes.");
            expected.Add("ignored the text after");
        }

        return (raw.ToString(), expected);
    }

    private static string Pad(Random random, string text) => random.Next(4) == 0 ? "  " + text + "\n" : text;
}
