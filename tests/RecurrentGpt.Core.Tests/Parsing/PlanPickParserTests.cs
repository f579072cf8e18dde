using RecurrentGpt.Core.Parsing;

namespace RecurrentGpt.Core.Tests.Parsing;

public class PlanPickParserTests
{
    private const string Reason = "Searching the dinghy keeps Mara acting on her own and could reveal where Tobin is held.";

    private const string RefinedPlan =
        "While Vell climbs toward the lamp room, Mara slips down the back path to the cove. In the dinghy she finds Tobin's knife wrapped in a chart of the Skerries, with one rock circled in red.";

    private const string ZhReason = "无人岛上的信号能把哥哥的下落和灯塔联系起来，悬念最强。";

    private const string ZhRefinedPlan = "渔船驶近无人岛时，林舟看见岛上有人用手电筒打出三长两短的信号。老周脸色一变，立刻关掉了船灯。";

    [Fact]
    public void Plan_choice_json_reads_every_field()
    {
        const string raw = """
            {
              "chosen_plan": 2,
              "reason": "Searching the dinghy keeps Mara acting on her own and could reveal where Tobin is held.",
              "refined_plan": "While Vell climbs toward the lamp room, Mara slips down the back path to the cove. In the dinghy she finds Tobin's knife wrapped in a chart of the Skerries, with one rock circled in red."
            }
            """;

        var pick = ParseAssert.Succeeds(OutputParsers.ParsePlanPick(raw));

        Assert.Equal(2, pick.ChosenPlan);
        Assert.Equal(Reason, pick.Reason);
        Assert.Equal(RefinedPlan, pick.RefinedPlan);
    }

    [Fact]
    public void Plan_choice_in_bold_markers_is_read()
    {
        const string raw = """
            After weighing the three options:

            **Chosen plan:** 2

            **Reason:** Searching the dinghy keeps Mara acting on her own and could reveal where Tobin is held.

            **Refined plan:**
            While Vell climbs toward the lamp room, Mara slips down the back path to the cove.
            In the dinghy she finds Tobin's knife wrapped in a chart of the Skerries, with one rock circled in red.
            """;

        var pick = ParseAssert.Succeeds(OutputParsers.ParsePlanPick(raw));

        Assert.Equal(2, pick.ChosenPlan);
        Assert.Equal(Reason, pick.Reason);
        Assert.Equal(
            "While Vell climbs toward the lamp room, Mara slips down the back path to the cove.\nIn the dinghy she finds Tobin's knife wrapped in a chart of the Skerries, with one rock circled in red.",
            pick.RefinedPlan);
    }

    [Fact]
    public void Plan_choice_naming_the_plan_in_words_reads_its_number()
    {
        const string raw = """
            {"chosen_plan": "Plan 3", "reason": "The father's climb raises the stakes at home.", "refined_plan": "Mara's father wakes, sees the dark lamp and drags himself up the ninety-one steps while Mara watches Vell in the cove."}
            """;

        var pick = ParseAssert.Succeeds(OutputParsers.ParsePlanPick(raw));

        Assert.Equal(3, pick.ChosenPlan);
        Assert.Equal("The father's climb raises the stakes at home.", pick.Reason);
        Assert.Equal("Mara's father wakes, sees the dark lamp and drags himself up the ninety-one steps while Mara watches Vell in the cove.", pick.RefinedPlan);
    }

    [Fact]
    public void Chinese_plan_choice_json_in_a_fence_between_prose_is_read()
    {
        const string raw = """
            我选择第二个计划，理由如下：
            ```json
            {
              "chosen_plan": 2,
              "reason": "无人岛上的信号能把哥哥的下落和灯塔联系起来，悬念最强。",
              "refined_plan": "渔船驶近无人岛时，林舟看见岛上有人用手电筒打出三长两短的信号。老周脸色一变，立刻关掉了船灯。"
            }
            ```
            以上就是我的选择。
            """;

        var pick = ParseAssert.Succeeds(OutputParsers.ParsePlanPick(raw));

        Assert.Equal(2, pick.ChosenPlan);
        Assert.Equal(ZhReason, pick.Reason);
        Assert.Equal(ZhRefinedPlan, pick.RefinedPlan);
    }

    [Fact]
    public void Chinese_plan_choice_markers_with_crlf_and_full_width_colons_are_read()
    {
        string raw = """
            选择的计划：计划二

            理由：无人岛上的信号能把哥哥的下落和灯塔联系起来，悬念最强。

            完善后的计划：渔船驶近无人岛时，林舟看见岛上有人用手电筒打出三长两短的信号。老周脸色一变，立刻关掉了船灯。
            """.ReplaceLineEndings("\r\n");
        Assert.Contains("\r\n", raw, StringComparison.Ordinal);

        var pick = ParseAssert.Succeeds(OutputParsers.ParsePlanPick(raw));

        Assert.Equal(2, pick.ChosenPlan);
        Assert.Equal(ZhReason, pick.Reason);
        Assert.Equal(ZhRefinedPlan, pick.RefinedPlan);
    }

    [Fact]
    public void Plan_choice_json_choosing_plan_4_is_rejected_naming_the_range()
    {
        const string raw = """
            {"chosen_plan": 4, "reason": "A fourth way would surprise the reader.", "refined_plan": "Tobin rows into the cove himself."}
            """;

        ParseAssert.FailsWith(OutputParsers.ParsePlanPick(raw), "chosen_plan must be a number from 1 to 3, got \"4\"");
    }

    [Fact]
    public void Plan_choice_among_two_plans_rejects_plan_3_naming_the_range()
    {
        const string raw = """
            {"chosen_plan": 3, "reason": "The father's climb raises the stakes.", "refined_plan": "Mara's father wakes and climbs the steps."}
            """;

        ParseAssert.FailsWith(OutputParsers.ParsePlanPick(raw, planCount: 2), "chosen_plan must be a number from 1 to 2, got \"3\"");
    }

    [Fact]
    public void Plan_choice_markers_without_a_refined_plan_are_rejected_naming_the_section()
    {
        const string raw = """
            Chosen plan: 1
            Reason: A confrontation on the stairs brings Vell and Mara face to face at last.
            """;

        ParseAssert.FailsWith(OutputParsers.ParsePlanPick(raw), "missing section: refined_plan");
    }

    [Fact]
    public void Plan_choice_json_repeating_the_chosen_plan_key_is_rejected_as_duplicate()
    {
        const string raw = """
            {"chosen_plan": 1, "reason": "The confrontation is overdue.", "chosen_plan": 2,
             "refined_plan": "Mara slips down the back path to the cove and searches Vell's dinghy."}
            """;

        ParseAssert.FailsWith(OutputParsers.ParsePlanPick(raw), "duplicate section: chosen_plan");
    }

    [Fact]
    public void Chinese_plan_choice_json_with_an_empty_reason_is_rejected()
    {
        const string raw = """
            {"chosen_plan": 2, "reason": "", "refined_plan": "渔船驶近无人岛时，林舟看见岛上有人用手电筒打信号。"}
            """;

        ParseAssert.FailsWith(OutputParsers.ParsePlanPick(raw), "empty section: reason");
    }

    [Fact]
    public void Chinese_plan_choice_json_cut_off_mid_string_is_rejected_as_unclosed()
    {
        const string raw = """
            {"chosen_plan": 2, "reason": "无人岛上的信号能把哥哥的下落和灯塔联系起来，悬念最强。", "refined_plan": "渔船驶近无人岛时，林舟看见岛上有人用手
            """;

        ParseAssert.FailsWith(OutputParsers.ParsePlanPick(raw), "the output ends before its JSON object is closed");
    }

    [Fact]
    public void Chinese_plan_choice_json_with_an_unescaped_quote_names_the_character_position()
    {
        // The stray 上 is the 19th character of line 3 (its 27th byte in UTF-8): the model counts characters.
        const string raw = """
            {
              "chosen_plan": 2,
              "reason": "林舟必须"上船"才能找到哥哥。",
              "refined_plan": "林舟登上老周的渔船。"
            }
            """;

        ParseAssert.FailsWith(OutputParsers.ParsePlanPick(raw), "the JSON object is not valid JSON (line 3, position 19)");
    }

    [Fact]
    public void Plan_choice_prose_without_any_section_is_rejected()
    {
        const string raw = "I would go with the second plan, since searching the dinghy keeps Mara in motion. Want me to refine it?";

        ParseAssert.FailsWith(OutputParsers.ParsePlanPick(raw), "no sections found: expected a JSON object or marked sections");
    }

    [Fact]
    public void Empty_plan_choice_output_is_rejected_as_empty()
    {
        ParseAssert.FailsWith(OutputParsers.ParsePlanPick("\n\n"), "the output is empty");
    }
}
