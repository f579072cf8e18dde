using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Parsing;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Core.Tests.Parsing;

/// <summary>
/// A slip with one obvious meaning is normalised and recorded; only meaning that is truly missing fails the parse
/// (and so costs a repair request).
/// </summary>
public class StepNormalisationTests
{
    private static readonly ShortTermMemory SaltRoadMemory = ShortTermMemory.FromText(
        "Mara Quill keeps the Gull Point light while her father is ill. Her brother Tobin has been gone for three days. A note in Tobin's hand asks her not to light the lamp tonight.");

    private static ParseResult<StepDraft> Edit(string raw, bool recommend = false) =>
        OutputParsers.ParseStep(raw, SaltRoadMemory, MemoryMode.Edit, recommend);

    [Fact]
    public void Memory_drop_naming_a_sentence_twice_is_normalised_not_refused()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
             "memory_drop": [{"sentence": 1, "reason": "Her father's illness no longer matters."}, {"sentence": 1, "reason": "Repeated."}],
             "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """;

        ParseResult<StepDraft> result = Edit(raw);

        StepDraft step = ParseAssert.Succeeds(result);
        Assert.Equal([new MemoryDrop(1, "Her father's illness no longer matters.")], step.MemoryUpdate.Drops);
        Assert.Equal(["memory_drop named sentence 1 twice; kept once"], result.Normalisations);
    }

    [Fact]
    public void Memory_drop_naming_a_sentence_twice_in_marker_form_is_normalised_not_refused()
    {
        const string raw = """
            Paragraph: Mara did not light the lamp.
            Summary: Mara keeps the light dark.
            Memory drop:
            - [2] Tobin is no longer missing.
            - [2] Tobin is back.
            Memory add: none
            Plan 1: Vell climbs the steps.
            Plan 2: Mara slips down to the cove.
            Plan 3: Mara's father wakes.
            """;

        ParseResult<StepDraft> result = Edit(raw);

        StepDraft step = ParseAssert.Succeeds(result);
        Assert.Equal([new MemoryDrop(2, "Tobin is no longer missing.")], step.MemoryUpdate.Drops);
        Assert.Equal(["memory_drop named sentence 2 twice; kept once"], result.Normalisations);
    }

    [Fact]
    public void Memory_drop_naming_a_sentence_the_memory_does_not_have_is_ignored_and_recorded()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
             "memory_drop": [{"sentence": 7, "reason": "Out of date."}, {"sentence": 3, "reason": "Obeyed."}],
             "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """;

        ParseResult<StepDraft> result = Edit(raw);

        StepDraft step = ParseAssert.Succeeds(result);
        Assert.Equal([new MemoryDrop(3, "Obeyed.")], step.MemoryUpdate.Drops);
        Assert.Equal(["memory_drop named sentence 7, but the memory has 3 sentences; ignored it"], result.Normalisations);
    }

    [Fact]
    public void Memory_drop_sentence_numbers_given_as_text_are_read_as_numbers_and_recorded()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
             "memory_drop": [{"sentence": "2", "reason": "Tobin is back."}, "[3]"],
             "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """;

        ParseResult<StepDraft> result = Edit(raw);

        StepDraft step = ParseAssert.Succeeds(result);
        Assert.Equal([new MemoryDrop(2, "Tobin is back."), new MemoryDrop(3, "")], step.MemoryUpdate.Drops);
        Assert.Equal(["memory_drop gave sentence 2 as text, not a number", "memory_drop gave sentence 3 as text, not a number"], result.Normalisations);
    }

    [Fact]
    public void Memory_drop_quoting_a_sentence_instead_of_its_number_drops_that_sentence()
    {
        // "three days" holds a number word; the quote, not the first number in it, names the sentence.
        const string raw = """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
             "memory_drop": ["Her brother Tobin has been gone for three days"],
             "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """;

        ParseResult<StepDraft> result = Edit(raw);

        StepDraft step = ParseAssert.Succeeds(result);
        Assert.Equal([2], step.MemoryUpdate.Drops.Select(d => d.Sentence));
        Assert.Equal(["memory_drop quoted sentence 2 instead of naming its number; read as 2"], result.Normalisations);
    }

    [Fact]
    public void Memory_drop_item_without_a_number_or_a_quote_is_still_refused()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
             "memory_drop": ["the part about the note"],
             "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """;

        ParseAssert.FailsWith(Edit(raw), "memory_drop has an item without a sentence number: \"the part about the note\"");
    }

    [Fact]
    public void Empty_memory_additions_are_dropped_and_recorded()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
             "memory_drop": [],
             "memory_add": [{"text": " ", "reason": "Vell landed."}, {"text": "Vell landed in the cove.", "reason": "New threat."}],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """;

        ParseResult<StepDraft> result = Edit(raw);

        StepDraft step = ParseAssert.Succeeds(result);
        Assert.Equal([new MemoryAddition("Vell landed in the cove.", "New threat.")], step.MemoryUpdate.Additions);
        Assert.Equal(["memory_add item 1 was empty; dropped it"], result.Normalisations);
    }

    [Fact]
    public void None_written_as_the_only_memory_addition_in_json_adds_nothing()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
             "memory_drop": "none", "memory_add": ["None"],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """;

        ParseResult<StepDraft> result = Edit(raw);

        StepDraft step = ParseAssert.Succeeds(result);
        Assert.Empty(step.MemoryUpdate.Drops);
        Assert.Empty(step.MemoryUpdate.Additions);
        Assert.Equal(["memory_drop was \"none\" instead of a list; read as empty", "memory_add held \"None\" as an item; ignored it"], result.Normalisations);
    }

    [Fact]
    public void Five_plans_keep_the_first_three()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.", "memory_drop": [], "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes.", "Tobin rows home.", "The fog lifts."]}
            """;

        ParseResult<StepDraft> result = Edit(raw);

        StepDraft step = ParseAssert.Succeeds(result);
        Assert.Equal(["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."], step.Plans);
        Assert.Equal(["5 plans returned; kept the first 3"], result.Normalisations);
    }

    [Fact]
    public void Empty_and_repeated_plans_are_set_aside_before_counting()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.", "memory_drop": [], "memory_add": [],
             "plans": ["Vell climbs the steps.", "   ", "Mara slips down to the cove.", "vell climbs  the steps.", "Mara's father wakes."]}
            """;

        ParseResult<StepDraft> result = Edit(raw);

        StepDraft step = ParseAssert.Succeeds(result);
        Assert.Equal(["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."], step.Plans);
        Assert.Equal(["plan 2 was empty; dropped it", "plans 1 and 4 were the same; kept plan 1"], result.Normalisations);
    }

    [Fact]
    public void Fewer_than_three_usable_plans_is_still_refused_saying_why()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.", "memory_drop": [], "memory_add": [],
             "plans": ["Vell climbs the steps.", "", "Vell climbs the steps."]}
            """;

        ParseAssert.FailsWith(Edit(raw), "expected exactly 3 plans, found 1 (plan 2 was empty, plans 1 and 3 were the same)");
    }

    [Fact]
    public void A_recommendation_out_of_range_is_dropped_not_refused()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.", "memory_drop": [], "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."], "recommended_plan": 4}
            """;

        ParseResult<StepDraft> result = Edit(raw, recommend: true);

        StepDraft step = ParseAssert.Succeeds(result);
        Assert.Null(step.RecommendedPlan);
        Assert.Equal(["recommended_plan 4 is not one of the 3 plans; dropped the recommendation"], result.Normalisations);
    }

    [Fact]
    public void A_recommendation_follows_its_plan_when_repeated_plans_are_removed()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.", "memory_drop": [], "memory_add": [],
             "plans": ["Vell climbs the steps.", "Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."], "recommended_plan": 3}
            """;

        ParseResult<StepDraft> result = Edit(raw, recommend: true);

        StepDraft step = ParseAssert.Succeeds(result);
        Assert.Equal(["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."], step.Plans);
        Assert.Equal(2, step.RecommendedPlan);
        Assert.Equal(["plans 1 and 2 were the same; kept plan 1", "recommended_plan 3 is plan 2 once the plans are tidied"], result.Normalisations);
    }

    [Fact]
    public void A_recommendation_of_a_plan_cut_as_extra_is_dropped()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.", "memory_drop": [], "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes.", "Tobin rows home."], "recommended_plan": 4}
            """;

        ParseResult<StepDraft> result = Edit(raw, recommend: true);

        StepDraft step = ParseAssert.Succeeds(result);
        Assert.Null(step.RecommendedPlan);
        Assert.Equal(["4 plans returned; kept the first 3", "recommended_plan 4 named a plan that was cut; dropped the recommendation"], result.Normalisations);
    }

    [Fact]
    public void A_missing_recommendation_that_was_asked_for_is_still_refused()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.", "memory_drop": [], "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """;

        ParseAssert.FailsWith(Edit(raw, recommend: true), "missing section: recommended_plan");
    }

    [Fact]
    public void A_fenced_object_between_prose_is_read_and_the_wrapping_is_recorded()
    {
        const string raw = """
            Sure! Here it is:
            ```json
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.", "memory_drop": [], "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            ```
            Let me know what you think.
            """;

        ParseResult<StepDraft> result = Edit(raw);

        ParseAssert.Succeeds(result);
        Assert.Equal(
            ["the JSON object was inside a code fence; read inside it", "ignored the text before the JSON object", "ignored the text after the JSON object"],
            result.Normalisations);
    }

    [Fact]
    public void A_clean_output_records_no_normalisation()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
             "memory_drop": [{"sentence": 3, "reason": "Obeyed."}], "memory_add": [{"text": "Vell landed in the cove.", "reason": "New threat."}],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."], "recommended_plan": 2}
            """;

        ParseResult<StepDraft> result = Edit(raw, recommend: true);

        ParseAssert.Succeeds(result);
        Assert.Empty(result.Normalisations);
    }

    [Fact]
    public void A_missing_paragraph_is_still_refused()
    {
        const string raw = """
            {"summary": "Mara keeps the light dark.", "memory_drop": [1, 1], "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes.", "Tobin rows home."]}
            """;

        ParseAssert.FailsWith(Edit(raw), "missing section: paragraph");
    }
}
