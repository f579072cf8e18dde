using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Parsing;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Core.Tests.Parsing;

public class StepParserTests
{
    // Three sentences, as the step prompt numbers them [1]..[3].
    private static readonly ShortTermMemory SaltRoadMemory = ShortTermMemory.FromText(
        "Mara Quill keeps the Gull Point light while her father is ill. Her brother Tobin has been gone for three days. A note in Tobin's hand asks her not to light the lamp tonight.");

    private static readonly ShortTermMemory FogHarbourMemory = ShortTermMemory.FromText(
        "林舟在雾港寻找失踪的哥哥林岩。船夫老周答应天亮前载她出海。灯塔已经三天没有亮过。");

    private const string Paragraph =
        "Mara did not light the lamp. She sat on the gallery with her father's coat around her shoulders and watched the cove, where a lantern swung twice and went out. When the dinghy scraped onto the shingle, the man who stepped out was not Tobin but Captain Vell, and he was looking straight up at her.";

    private const string Summary = "Mara leaves the light dark and sees Captain Vell land in the cove instead of Tobin.";

    private static readonly string[] Plans =
    [
        "Vell climbs the steps and offers Mara her brother's life in exchange for three more dark nights.",
        "Mara slips down the back path to the cove and searches Vell's dinghy for a sign of Tobin.",
        "Mara's father wakes, sees the dark lamp and staggers up the stairs to light it himself.",
    ];

    private const string ZhParagraph =
        "天还没亮，老周的渔船就离开了码头。林舟蹲在船舱里，听着发动机的声音盖过海浪。她摸到一团湿透的毛线，借着手电筒一看，正是哥哥出门时围着的那条灰围巾。";

    private const string ZhSummary = "林舟随老周出海，在船舱里发现了哥哥的围巾。";

    private static readonly string[] ZhPlans =
    [
        "老周承认林岩出海那晚是他开的船，但不肯说出目的地。",
        "渔船驶近无人岛，林舟看见岛上有人用手电筒打信号。",
        "海警的巡逻艇靠近，老周让林舟躲进鱼舱。",
    ];

    private static ParseResult<StepDraft> Edit(string raw, bool recommend = false) =>
        OutputParsers.ParseStep(raw, SaltRoadMemory, MemoryMode.Edit, recommend);

    private static ParseResult<StepDraft> ZhEdit(string raw, bool recommend = false) =>
        OutputParsers.ParseStep(raw, FogHarbourMemory, MemoryMode.Edit, recommend);

    [Fact]
    public void Memories_have_the_three_sentences_the_tests_number()
    {
        Assert.Equal(3, SaltRoadMemory.Sentences.Count);
        Assert.Equal(3, FogHarbourMemory.Sentences.Count);
    }

    [Fact]
    public void Step_json_in_edit_mode_reads_every_field()
    {
        const string raw = """
            {
              "paragraph": "Mara did not light the lamp. She sat on the gallery with her father's coat around her shoulders and watched the cove, where a lantern swung twice and went out. When the dinghy scraped onto the shingle, the man who stepped out was not Tobin but Captain Vell, and he was looking straight up at her.",
              "summary": "Mara leaves the light dark and sees Captain Vell land in the cove instead of Tobin.",
              "memory_drop": [
                {"sentence": 3, "reason": "The note has been obeyed; what matters now is who came."}
              ],
              "memory_add": [
                {"text": "Mara left the lamp dark, and Captain Vell landed in the cove below the light.", "reason": "Vell is on shore and knows Mara saw him."},
                {"text": "Tobin was not in Vell's dinghy.", "reason": "Tobin is still missing."}
              ],
              "plans": [
                "Vell climbs the steps and offers Mara her brother's life in exchange for three more dark nights.",
                "Mara slips down the back path to the cove and searches Vell's dinghy for a sign of Tobin.",
                "Mara's father wakes, sees the dark lamp and staggers up the stairs to light it himself."
              ]
            }
            """;

        var step = ParseAssert.Succeeds(Edit(raw));

        Assert.Equal(Paragraph, step.Paragraph);
        Assert.Equal(Summary, step.Summary);
        Assert.False(step.MemoryUpdate.IsRewrite);
        Assert.Equal([new MemoryDrop(3, "The note has been obeyed; what matters now is who came.")], step.MemoryUpdate.Drops);
        Assert.Equal(
            [
                new MemoryAddition("Mara left the lamp dark, and Captain Vell landed in the cove below the light.", "Vell is on shore and knows Mara saw him."),
                new MemoryAddition("Tobin was not in Vell's dinghy.", "Tobin is still missing."),
            ],
            step.MemoryUpdate.Additions);
        Assert.Equal(Plans, step.Plans);
        Assert.Null(step.RecommendedPlan);
    }

    [Fact]
    public void Step_json_in_a_fence_between_prose_reads_the_recommended_plan()
    {
        const string raw = """
            Here is the next paragraph, with the memory update and three plans.

            ```json
            {
              "paragraph": "Mara did not light the lamp. She sat on the gallery with her father's coat around her shoulders and watched the cove, where a lantern swung twice and went out. When the dinghy scraped onto the shingle, the man who stepped out was not Tobin but Captain Vell, and he was looking straight up at her.",
              "summary": "Mara leaves the light dark and sees Captain Vell land in the cove instead of Tobin.",
              "memory_drop": [{"sentence": 3, "reason": "The note has been obeyed."}],
              "memory_add": [{"text": "Captain Vell landed in the cove below the light.", "reason": "He is the new threat."}],
              "plans": [
                "Vell climbs the steps and offers Mara her brother's life in exchange for three more dark nights.",
                "Mara slips down the back path to the cove and searches Vell's dinghy for a sign of Tobin.",
                "Mara's father wakes, sees the dark lamp and staggers up the stairs to light it himself."
              ],
              "recommended_plan": 2
            }
            ```

            I recommend plan 2 because it keeps Mara active. Plan 1 would also work if you want a confrontation.
            """;

        var step = ParseAssert.Succeeds(Edit(raw, recommend: true));

        Assert.Equal(Paragraph, step.Paragraph);
        Assert.Equal(Summary, step.Summary);
        Assert.Equal([new MemoryDrop(3, "The note has been obeyed.")], step.MemoryUpdate.Drops);
        Assert.Equal([new MemoryAddition("Captain Vell landed in the cove below the light.", "He is the new threat.")], step.MemoryUpdate.Additions);
        Assert.Equal(Plans, step.Plans);
        Assert.Equal(2, step.RecommendedPlan);
    }

    [Fact]
    public void Step_json_in_rewrite_mode_reads_the_new_memory_and_its_rationale()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp. She sat on the gallery with her father's coat around her shoulders and watched the cove, where a lantern swung twice and went out. When the dinghy scraped onto the shingle, the man who stepped out was not Tobin but Captain Vell, and he was looking straight up at her.",
             "summary": "Mara leaves the light dark and sees Captain Vell land in the cove instead of Tobin.",
             "memory_rationale": "Dropped the note, which has been obeyed; added Vell's landing.",
             "memory": "Mara Quill keeps the Gull Point light while her father is ill. Tobin is still missing. Captain Vell landed in the cove and saw Mara on the gallery.",
             "plans": ["Vell climbs the steps and offers Mara her brother's life in exchange for three more dark nights.", "Mara slips down the back path to the cove and searches Vell's dinghy for a sign of Tobin.", "Mara's father wakes, sees the dark lamp and staggers up the stairs to light it himself."]}
            """;

        var step = ParseAssert.Succeeds(OutputParsers.ParseStep(raw, SaltRoadMemory, MemoryMode.Rewrite, recommend: false));

        Assert.Equal(Paragraph, step.Paragraph);
        Assert.Equal(Summary, step.Summary);
        Assert.True(step.MemoryUpdate.IsRewrite);
        Assert.Equal(
            "Mara Quill keeps the Gull Point light while her father is ill. Tobin is still missing. Captain Vell landed in the cove and saw Mara on the gallery.",
            step.MemoryUpdate.Rewrite);
        Assert.Equal("Dropped the note, which has been obeyed; added Vell's landing.", step.MemoryUpdate.Rationale);
        Assert.Empty(step.MemoryUpdate.Drops);
        Assert.Empty(step.MemoryUpdate.Additions);
        Assert.Equal(Plans, step.Plans);
        Assert.Null(step.RecommendedPlan);
    }

    [Fact]
    public void Chinese_step_json_in_edit_mode_reads_every_field()
    {
        const string raw = """
            ```json
            {
              "paragraph": "天还没亮，老周的渔船就离开了码头。林舟蹲在船舱里，听着发动机的声音盖过海浪。她摸到一团湿透的毛线，借着手电筒一看，正是哥哥出门时围着的那条灰围巾。",
              "summary": "林舟随老周出海，在船舱里发现了哥哥的围巾。",
              "memory_drop": [{"sentence": 2, "reason": "老周已经载她出海，这句不再需要。"}],
              "memory_add": [{"text": "林舟在老周的船舱里找到了林岩的灰围巾。", "reason": "这说明林岩上过这条船。"}],
              "plans": ["老周承认林岩出海那晚是他开的船，但不肯说出目的地。", "渔船驶近无人岛，林舟看见岛上有人用手电筒打信号。", "海警的巡逻艇靠近，老周让林舟躲进鱼舱。"],
              "recommended_plan": 1
            }
            ```
            """;

        var step = ParseAssert.Succeeds(ZhEdit(raw, recommend: true));

        Assert.Equal(ZhParagraph, step.Paragraph);
        Assert.Equal(ZhSummary, step.Summary);
        Assert.Equal([new MemoryDrop(2, "老周已经载她出海，这句不再需要。")], step.MemoryUpdate.Drops);
        Assert.Equal([new MemoryAddition("林舟在老周的船舱里找到了林岩的灰围巾。", "这说明林岩上过这条船。")], step.MemoryUpdate.Additions);
        Assert.Equal(ZhPlans, step.Plans);
        Assert.Equal(1, step.RecommendedPlan);
    }

    [Fact]
    public void Chinese_step_json_in_rewrite_mode_reads_the_new_memory()
    {
        const string raw = """
            好的，下面是续写的内容：
            {"paragraph": "天还没亮，老周的渔船就离开了码头。林舟蹲在船舱里，听着发动机的声音盖过海浪。她摸到一团湿透的毛线，借着手电筒一看，正是哥哥出门时围着的那条灰围巾。",
             "summary": "林舟随老周出海，在船舱里发现了哥哥的围巾。",
             "memory_rationale": "删去了老周的承诺，因为已经兑现；加上了围巾这条线索。",
             "memory": "林舟在雾港寻找失踪的哥哥林岩。她随老周出海，在船舱里找到林岩的灰围巾。灯塔已经三天没有亮过。",
             "plans": ["老周承认林岩出海那晚是他开的船，但不肯说出目的地。", "渔船驶近无人岛，林舟看见岛上有人用手电筒打信号。", "海警的巡逻艇靠近，老周让林舟躲进鱼舱。"]}
            希望对你有帮助。
            """;

        var step = ParseAssert.Succeeds(OutputParsers.ParseStep(raw, FogHarbourMemory, MemoryMode.Rewrite, recommend: false));

        Assert.Equal(ZhParagraph, step.Paragraph);
        Assert.Equal(ZhSummary, step.Summary);
        Assert.Equal("林舟在雾港寻找失踪的哥哥林岩。她随老周出海，在船舱里找到林岩的灰围巾。灯塔已经三天没有亮过。", step.MemoryUpdate.Rewrite);
        Assert.Equal("删去了老周的承诺，因为已经兑现；加上了围巾这条线索。", step.MemoryUpdate.Rationale);
        Assert.Equal(ZhPlans, step.Plans);
        Assert.Null(step.RecommendedPlan);
    }

    [Fact]
    public void Step_in_markdown_headings_and_bold_plan_labels_is_read()
    {
        const string raw = """
            ## Paragraph
            Mara did not light the lamp. She sat on the gallery with her father's coat around her shoulders and watched the cove, where a lantern swung twice and went out.
            When the dinghy scraped onto the shingle, the man who stepped out was not Tobin but Captain Vell, and he was looking straight up at her.

            ## Summary
            Mara leaves the light dark and sees Captain Vell land in the cove instead of Tobin.

            ## Memory drop
            - [3] The note has been obeyed.

            ## Memory add
            - Captain Vell landed in the cove below the light. (reason: he is the new threat)

            ## Plans
            **Plan 1**: Vell climbs the steps and offers Mara her brother's life in exchange for three more dark nights.
            **Plan 2**: Mara slips down the back path to the cove and searches Vell's dinghy for a sign of Tobin.
            **Plan 3**: Mara's father wakes, sees the dark lamp and staggers up the stairs to light it himself.

            **Recommended plan:** Plan 2
            """;

        var step = ParseAssert.Succeeds(Edit(raw, recommend: true));

        Assert.Equal(
            "Mara did not light the lamp. She sat on the gallery with her father's coat around her shoulders and watched the cove, where a lantern swung twice and went out.\nWhen the dinghy scraped onto the shingle, the man who stepped out was not Tobin but Captain Vell, and he was looking straight up at her.",
            step.Paragraph);
        Assert.Equal(Summary, step.Summary);
        Assert.Equal([new MemoryDrop(3, "The note has been obeyed.")], step.MemoryUpdate.Drops);
        Assert.Equal([new MemoryAddition("Captain Vell landed in the cove below the light.", "he is the new threat")], step.MemoryUpdate.Additions);
        Assert.Equal(Plans, step.Plans);
        Assert.Equal(2, step.RecommendedPlan);
    }

    [Fact]
    public void Step_markers_with_a_plan_list_and_closing_chatter_keep_only_the_three_plans()
    {
        // The chatter after the list is not a fourth plan.
        const string raw = """
            **Paragraph:** Mara did not light the lamp. She sat on the gallery with her father's coat around her shoulders and watched the cove, where a lantern swung twice and went out. When the dinghy scraped onto the shingle, the man who stepped out was not Tobin but Captain Vell, and he was looking straight up at her.
            **Summary:** Mara leaves the light dark and sees Captain Vell land in the cove instead of Tobin.
            **Memory drop:** none
            **Memory add:** None.
            **Plans:**
            1. Vell climbs the steps and offers Mara her brother's life in exchange for three more dark nights.
            2. Mara slips down the back path to the cove and searches Vell's dinghy for a sign of Tobin.
            3. Mara's father wakes, sees the dark lamp and staggers up the stairs to light it himself.

            Let me know if you want the next paragraph to be darker!
            """;

        var step = ParseAssert.Succeeds(Edit(raw));

        Assert.Equal(Paragraph, step.Paragraph);
        Assert.Equal(Summary, step.Summary);
        Assert.Empty(step.MemoryUpdate.Drops);
        Assert.Empty(step.MemoryUpdate.Additions);
        Assert.Equal(Plans, step.Plans);
        Assert.Null(step.RecommendedPlan);
    }

    [Fact]
    public void Step_drop_written_as_number_colon_reason_keeps_the_sentence_number()
    {
        // "2: …" on its own line is the sentence number, not a list number to strip.
        const string raw = """
            Paragraph: Mara did not light the lamp. She sat on the gallery with her father's coat around her shoulders and watched the cove, where a lantern swung twice and went out. When the dinghy scraped onto the shingle, the man who stepped out was not Tobin but Captain Vell, and he was looking straight up at her.
            Summary: Mara leaves the light dark and sees Captain Vell land in the cove instead of Tobin.
            Memory drop:
            2: Tobin's absence is now explained by Vell.
            3: The note of 3 days ago has been obeyed.
            Memory add:
            - Captain Vell landed in the cove below the light. Reason: he is the new threat.
            Plan 1: Vell climbs the steps and offers Mara her brother's life in exchange for three more dark nights.
            Plan 2: Mara slips down the back path to the cove and searches Vell's dinghy for a sign of Tobin.
            Plan 3: Mara's father wakes, sees the dark lamp and staggers up the stairs to light it himself.
            """;

        var step = ParseAssert.Succeeds(Edit(raw));

        Assert.Equal(Paragraph, step.Paragraph);
        Assert.Equal(Summary, step.Summary);
        Assert.Equal(
            [new MemoryDrop(2, "Tobin's absence is now explained by Vell."), new MemoryDrop(3, "The note of 3 days ago has been obeyed.")],
            step.MemoryUpdate.Drops);
        // The reason written as a second sentence is not part of the memory sentence.
        Assert.Equal([new MemoryAddition("Captain Vell landed in the cove below the light.", "he is the new threat.")], step.MemoryUpdate.Additions);
        Assert.Equal(Plans, step.Plans);
    }

    [Fact]
    public void Step_json_drops_given_as_a_numbered_string_or_a_bare_number_are_read()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp. She watched the cove, where a lantern swung twice and went out.",
             "summary": "Mara keeps the light dark and watches the cove.",
             "memory_drop": ["[2] Tobin's absence is now explained by Vell.", 3],
             "memory_add": ["Captain Vell landed in the cove below the light."],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """;

        var step = ParseAssert.Succeeds(Edit(raw));

        Assert.Equal("Mara did not light the lamp. She watched the cove, where a lantern swung twice and went out.", step.Paragraph);
        Assert.Equal("Mara keeps the light dark and watches the cove.", step.Summary);
        Assert.Equal([new MemoryDrop(2, "Tobin's absence is now explained by Vell."), new MemoryDrop(3, "")], step.MemoryUpdate.Drops);
        Assert.Equal([new MemoryAddition("Captain Vell landed in the cove below the light.", "")], step.MemoryUpdate.Additions);
        Assert.Equal(["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."], step.Plans);
    }

    [Fact]
    public void Chinese_step_drop_numbered_in_chinese_keeps_its_reason()
    {
        const string raw = """
            段落：天还没亮，老周的渔船就离开了码头。林舟蹲在船舱里，听着发动机的声音盖过海浪。
            摘要：林舟随老周出海。
            删除记忆：
            - 第二句：老周已经载她出海，这句不再需要。
            新增记忆：
            - 林舟随老周出海了。｜理由：她要去找哥哥。
            计划1：老周承认林岩出海那晚是他开的船。
            计划2：渔船驶近无人岛。
            计划3：海警的巡逻艇靠近。
            """;

        var step = ParseAssert.Succeeds(ZhEdit(raw));

        Assert.Equal("天还没亮，老周的渔船就离开了码头。林舟蹲在船舱里，听着发动机的声音盖过海浪。", step.Paragraph);
        Assert.Equal("林舟随老周出海。", step.Summary);
        Assert.Equal([new MemoryDrop(2, "老周已经载她出海，这句不再需要。")], step.MemoryUpdate.Drops);
        Assert.Equal([new MemoryAddition("林舟随老周出海了。", "她要去找哥哥。")], step.MemoryUpdate.Additions);
        Assert.Equal(["老周承认林岩出海那晚是他开的船。", "渔船驶近无人岛。", "海警的巡逻艇靠近。"], step.Plans);
    }

    [Fact]
    public void Step_markers_copying_the_memory_numbering_keep_sentence_numbers_and_leave_them_out_of_texts()
    {
        // The prompt shows the memory as "[n] sentence", and models number their own lists the same way.
        const string raw = """
            **Paragraph:** Mara did not light the lamp. She sat on the gallery with her father's coat around her shoulders and watched the cove, where a lantern swung twice and went out. When the dinghy scraped onto the shingle, the man who stepped out was not Tobin but Captain Vell, and he was looking straight up at her.
            **Summary:** Mara leaves the light dark and sees Captain Vell land in the cove instead of Tobin.
            **Memory drop:**
            [2] Tobin's absence is now explained by Vell.

            [3] The note has been obeyed.
            **Memory add:**
            [4] Captain Vell landed in the cove below the light.
            **Plans:**
            [1] Vell climbs the steps and offers Mara her brother's life in exchange for three more dark nights.
            [2] Mara slips down the back path to the cove and searches Vell's dinghy for a sign of Tobin.
            [3] Mara's father wakes, sees the dark lamp and staggers up the stairs to light it himself.
            """;

        var step = ParseAssert.Succeeds(Edit(raw));

        Assert.Equal(Paragraph, step.Paragraph);
        Assert.Equal(Summary, step.Summary);
        Assert.Equal(
            [new MemoryDrop(2, "Tobin's absence is now explained by Vell."), new MemoryDrop(3, "The note has been obeyed.")],
            step.MemoryUpdate.Drops);
        Assert.Equal([new MemoryAddition("Captain Vell landed in the cove below the light.", "")], step.MemoryUpdate.Additions);
        Assert.Equal(Plans, step.Plans);
    }

    [Fact]
    public void Chinese_step_markers_copying_the_memory_numbering_keep_sentence_numbers_and_leave_them_out_of_texts()
    {
        const string raw = """
            段落：天还没亮，老周的渔船就离开了码头。林舟蹲在船舱里，听着发动机的声音盖过海浪。她摸到一团湿透的毛线，借着手电筒一看，正是哥哥出门时围着的那条灰围巾。
            摘要：林舟随老周出海，在船舱里发现了哥哥的围巾。
            删除记忆：
            【2】老周已经载她出海，这句不再需要。
            新增记忆：
            【4】林舟在老周的船舱里找到了林岩的灰围巾。
            计划：
            【1】老周承认林岩出海那晚是他开的船，但不肯说出目的地。
            【2】渔船驶近无人岛，林舟看见岛上有人用手电筒打信号。
            【3】海警的巡逻艇靠近，老周让林舟躲进鱼舱。
            """;

        var step = ParseAssert.Succeeds(ZhEdit(raw));

        Assert.Equal(ZhParagraph, step.Paragraph);
        Assert.Equal(ZhSummary, step.Summary);
        Assert.Equal([new MemoryDrop(2, "老周已经载她出海，这句不再需要。")], step.MemoryUpdate.Drops);
        Assert.Equal([new MemoryAddition("林舟在老周的船舱里找到了林岩的灰围巾。", "")], step.MemoryUpdate.Additions);
        Assert.Equal(ZhPlans, step.Plans);
    }

    [Fact]
    public void Step_drop_without_a_sentence_number_is_rejected_quoting_the_item()
    {
        const string raw = """
            Paragraph: Mara did not light the lamp. She watched the cove, where a lantern swung twice and went out.
            Summary: Mara leaves the light dark and sees Captain Vell land in the cove instead of Tobin.
            Memory drop:
            - The sentence about the note, which has been obeyed.
            Memory add: none
            Plan 1: Vell climbs the steps and offers Mara her brother's life in exchange for three more dark nights.
            Plan 2: Mara slips down the back path to the cove and searches Vell's dinghy for a sign of Tobin.
            Plan 3: Mara's father wakes, sees the dark lamp and staggers up the stairs to light it himself.
            """;

        ParseAssert.FailsWith(Edit(raw), "memory_drop has an item without a sentence number: \"The sentence about the note, which has b…\"");
    }

    [Fact]
    public void Chinese_step_markers_with_crlf_and_full_width_colons_are_read()
    {
        string raw = """
            段落：天还没亮，老周的渔船就离开了码头。林舟蹲在船舱里，听着发动机的声音盖过海浪。她摸到一团湿透的毛线，借着手电筒一看，正是哥哥出门时围着的那条灰围巾。

            摘要：林舟随老周出海，在船舱里发现了哥哥的围巾。

            删除记忆：
            - 第2句：老周已经载她出海，这句不再需要。
            新增记忆：
            - 林舟在老周的船舱里找到了林岩的灰围巾。（理由：这说明林岩上过这条船。）

            计划一：老周承认林岩出海那晚是他开的船，但不肯说出目的地。
            计划二：渔船驶近无人岛，林舟看见岛上有人用手电筒打信号。
            计划三：海警的巡逻艇靠近，老周让林舟躲进鱼舱。

            推荐计划：2
            """.ReplaceLineEndings("\r\n");
        Assert.Contains("\r\n", raw, StringComparison.Ordinal);

        var step = ParseAssert.Succeeds(ZhEdit(raw, recommend: true));

        Assert.Equal(ZhParagraph, step.Paragraph);
        Assert.Equal(ZhSummary, step.Summary);
        Assert.Equal([new MemoryDrop(2, "老周已经载她出海，这句不再需要。")], step.MemoryUpdate.Drops);
        Assert.Equal([new MemoryAddition("林舟在老周的船舱里找到了林岩的灰围巾。", "这说明林岩上过这条船。")], step.MemoryUpdate.Additions);
        Assert.Equal(ZhPlans, step.Plans);
        Assert.Equal(2, step.RecommendedPlan);
    }

    [Fact]
    public void Chinese_step_with_bracketed_labels_is_read()
    {
        const string raw = """
            【段落】
            天还没亮，老周的渔船就离开了码头。林舟蹲在船舱里，听着发动机的声音盖过海浪。她摸到一团湿透的毛线，借着手电筒一看，正是哥哥出门时围着的那条灰围巾。
            【摘要】林舟随老周出海，在船舱里发现了哥哥的围巾。
            【删除记忆】无
            【新增记忆】林舟在老周的船舱里找到了林岩的灰围巾。理由：这说明林岩上过这条船。
            【计划1】老周承认林岩出海那晚是他开的船，但不肯说出目的地。
            【计划2】渔船驶近无人岛，林舟看见岛上有人用手电筒打信号。
            【计划3】海警的巡逻艇靠近，老周让林舟躲进鱼舱。
            【推荐计划】3
            """;

        var step = ParseAssert.Succeeds(ZhEdit(raw, recommend: true));

        Assert.Equal(ZhParagraph, step.Paragraph);
        Assert.Equal(ZhSummary, step.Summary);
        Assert.Empty(step.MemoryUpdate.Drops);
        Assert.Equal([new MemoryAddition("林舟在老周的船舱里找到了林岩的灰围巾。", "这说明林岩上过这条船。")], step.MemoryUpdate.Additions);
        Assert.Equal(ZhPlans, step.Plans);
        Assert.Equal(3, step.RecommendedPlan);
    }

    [Fact]
    public void Step_json_with_empty_drop_and_add_arrays_keeps_the_memory_as_it_is()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp. She watched the cove, where a lantern swung twice and went out.",
             "summary": "Mara keeps the light dark and watches the cove.",
             "memory_drop": [],
             "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """;

        var step = ParseAssert.Succeeds(Edit(raw));

        Assert.Equal("Mara did not light the lamp. She watched the cove, where a lantern swung twice and went out.", step.Paragraph);
        Assert.Equal("Mara keeps the light dark and watches the cove.", step.Summary);
        Assert.False(step.MemoryUpdate.IsRewrite);
        Assert.Empty(step.MemoryUpdate.Drops);
        Assert.Empty(step.MemoryUpdate.Additions);
        Assert.Equal(["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."], step.Plans);
    }

    [Fact]
    public void Chinese_step_markers_with_none_for_drop_and_add_keep_the_memory_as_it_is()
    {
        const string raw = """
            段落：天还没亮，老周的渔船就离开了码头。林舟蹲在船舱里，听着发动机的声音盖过海浪。
            摘要：林舟随老周出海。
            删除记忆：无
            新增记忆：无。
            计划1：老周承认林岩出海那晚是他开的船。
            计划2：渔船驶近无人岛。
            计划3：海警的巡逻艇靠近。
            """;

        var step = ParseAssert.Succeeds(ZhEdit(raw));

        Assert.Equal("天还没亮，老周的渔船就离开了码头。林舟蹲在船舱里，听着发动机的声音盖过海浪。", step.Paragraph);
        Assert.Equal("林舟随老周出海。", step.Summary);
        Assert.Empty(step.MemoryUpdate.Drops);
        Assert.Empty(step.MemoryUpdate.Additions);
        Assert.Equal(["老周承认林岩出海那晚是他开的船。", "渔船驶近无人岛。", "海警的巡逻艇靠近。"], step.Plans);
    }

    [Fact]
    public void Step_json_in_rewrite_mode_with_empty_memory_is_rejected()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp. She watched the cove, where a lantern swung twice and went out.",
             "summary": "Mara keeps the light dark and watches the cove.",
             "memory_rationale": "Nothing from before is needed any more.",
             "memory": "",
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """;

        ParseAssert.FailsWith(OutputParsers.ParseStep(raw, SaltRoadMemory, MemoryMode.Rewrite, recommend: false), "empty section: memory");
    }

    [Fact]
    public void Chinese_step_markers_in_rewrite_mode_with_blank_memory_are_rejected()
    {
        const string raw = """
            段落：天还没亮，老周的渔船就离开了码头。
            摘要：林舟随老周出海。
            记忆调整理由：旧的内容都不再需要。
            更新后的记忆：
            计划1：老周承认林岩出海那晚是他开的船。
            计划2：渔船驶近无人岛。
            计划3：海警的巡逻艇靠近。
            """;

        ParseAssert.FailsWith(OutputParsers.ParseStep(raw, FogHarbourMemory, MemoryMode.Rewrite, recommend: false), "empty section: memory");
    }

    [Fact]
    public void Chinese_step_json_with_four_plans_keeps_the_first_three_and_says_so()
    {
        const string raw = """
            {"paragraph": "天还没亮，老周的渔船就离开了码头。", "summary": "林舟随老周出海。", "memory_drop": [], "memory_add": [],
             "plans": ["老周承认林岩出海那晚是他开的船。", "渔船驶近无人岛。", "海警的巡逻艇靠近。", "林舟跳进海里游回码头。"]}
            """;

        ParseResult<StepDraft> result = ZhEdit(raw);

        Assert.Equal(["老周承认林岩出海那晚是他开的船。", "渔船驶近无人岛。", "海警的巡逻艇靠近。"], ParseAssert.Succeeds(result).Plans);
        Assert.Equal(["4 plans returned; kept the first 3"], result.Normalisations);
    }

    [Fact]
    public void Step_markers_with_two_plans_are_rejected_naming_the_count()
    {
        const string raw = """
            Paragraph: Mara did not light the lamp. She watched the cove, where a lantern swung twice and went out.
            Summary: Mara keeps the light dark and watches the cove.
            Memory drop: none
            Memory add: none
            Plan 1: Vell climbs the steps and offers Mara a bargain.
            Plan 2: Mara slips down the back path to the cove.
            """;

        ParseAssert.FailsWith(Edit(raw), "expected exactly 3 plans, found 2");
    }

    [Fact]
    public void Step_markers_cut_off_after_plan_2_report_the_plan_count_and_the_missing_recommendation()
    {
        const string raw = """
            **Paragraph:** Mara did not light the lamp. She watched the cove, where a lantern swung twice and went out.
            **Summary:** Mara keeps the light dark and watches the cove.
            **Memory drop:** none
            **Memory add:** none
            **Plan 1:** Vell climbs the steps and offers Mara a bargain.
            **Plan 2:** Mara slips down the back path to the cove and searches Vell's
            """;

        ParseAssert.FailsWith(Edit(raw, recommend: true), "expected exactly 3 plans, found 2; missing section: recommended_plan");
    }

    [Fact]
    public void Chinese_step_json_cut_off_mid_string_is_rejected_as_unclosed()
    {
        const string raw = """
            ```json
            {
              "paragraph": "天还没亮，老周的渔船就离开了码头。林舟蹲在船舱里，听着发动机的声音盖过海浪。",
              "summary": "林舟随老周出海。",
              "memory_drop": [],
              "memory_add": [{"text": "林舟在老周的船舱里找到了林岩的
            """;

        ParseAssert.FailsWith(ZhEdit(raw), "the output ends before its JSON object is closed");
    }

    [Fact]
    public void Step_json_without_a_summary_is_rejected_naming_the_section()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp. She watched the cove, where a lantern swung twice and went out.",
             "memory_drop": [], "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """;

        ParseAssert.FailsWith(Edit(raw), "missing section: summary");
    }

    [Fact]
    public void Step_json_repeating_the_paragraph_key_is_rejected_as_duplicate()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp.",
             "summary": "Mara keeps the light dark and watches the cove.",
             "paragraph": "She watched the cove, where a lantern swung twice and went out.",
             "memory_drop": [], "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """;

        ParseAssert.FailsWith(Edit(raw), "duplicate section: paragraph");
    }

    [Fact]
    public void Chinese_step_markers_with_plan_2_twice_read_the_plans_in_the_order_given()
    {
        const string raw = """
            段落：天还没亮，老周的渔船就离开了码头。
            摘要：林舟随老周出海。
            删除记忆：无
            新增记忆：无
            计划1：老周承认林岩出海那晚是他开的船。
            计划2：渔船驶近无人岛。
            计划2：海警的巡逻艇靠近。
            """;

        ParseResult<StepDraft> result = ZhEdit(raw);

        Assert.Equal(["老周承认林岩出海那晚是他开的船。", "渔船驶近无人岛。", "海警的巡逻艇靠近。"], ParseAssert.Succeeds(result).Plans);
        Assert.Equal(["plan 2 was numbered twice; read the plans in the order given"], result.Normalisations);
    }

    [Fact]
    public void Chinese_step_markers_with_two_summaries_are_rejected_as_duplicate()
    {
        const string raw = """
            段落：天还没亮，老周的渔船就离开了码头。
            摘要：林舟随老周出海。
            删除记忆：无
            新增记忆：无
            计划1：老周承认林岩出海那晚是他开的船。
            计划2：渔船驶近无人岛。
            计划3：海警的巡逻艇靠近。
            段落摘要：林舟在船舱里发现了哥哥的围巾。
            """;

        ParseAssert.FailsWith(ZhEdit(raw), "duplicate section: summary");
    }

    [Fact]
    public void Step_dropping_a_sentence_the_memory_does_not_have_ignores_it_naming_both_counts()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
             "memory_drop": [{"sentence": 7, "reason": "Out of date."}],
             "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """;

        ParseResult<StepDraft> result = Edit(raw);

        Assert.Empty(ParseAssert.Succeeds(result).MemoryUpdate.Drops);
        Assert.Equal(["memory_drop named sentence 7, but the memory has 3 sentences; ignored it"], result.Normalisations);
    }

    [Fact]
    public void Chinese_step_dropping_the_same_sentence_twice_drops_it_once_with_the_first_reason()
    {
        const string raw = """
            {"paragraph": "天还没亮，老周的渔船就离开了码头。", "summary": "林舟随老周出海。",
             "memory_drop": [{"sentence": 2, "reason": "老周已经载她出海。"}, {"sentence": 2, "reason": "这句过时了。"}],
             "memory_add": [],
             "plans": ["老周承认林岩出海那晚是他开的船。", "渔船驶近无人岛。", "海警的巡逻艇靠近。"]}
            """;

        ParseResult<StepDraft> result = ZhEdit(raw);

        Assert.Equal([new MemoryDrop(2, "老周已经载她出海。")], ParseAssert.Succeeds(result).MemoryUpdate.Drops);
        Assert.Equal(["memory_drop named sentence 2 twice; kept once"], result.Normalisations);
    }

    [Fact]
    public void Step_json_adding_an_empty_sentence_drops_it()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
             "memory_drop": [],
             "memory_add": [{"text": " ", "reason": "Vell landed."}],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """;

        ParseResult<StepDraft> result = Edit(raw);

        Assert.Empty(ParseAssert.Succeeds(result).MemoryUpdate.Additions);
        Assert.Equal(["memory_add item 1 was empty; dropped it"], result.Normalisations);
    }

    [Fact]
    public void Step_json_recommending_plan_4_drops_the_recommendation()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
             "memory_drop": [], "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."],
             "recommended_plan": 4}
            """;

        ParseResult<StepDraft> result = Edit(raw, recommend: true);

        Assert.Null(ParseAssert.Succeeds(result).RecommendedPlan);
        Assert.Equal(["recommended_plan 4 is not one of the 3 plans; dropped the recommendation"], result.Normalisations);
    }

    [Fact]
    public void Chinese_step_markers_recommending_plan_0_drop_the_recommendation()
    {
        const string raw = """
            段落：天还没亮，老周的渔船就离开了码头。
            摘要：林舟随老周出海。
            删除记忆：无
            新增记忆：无
            计划1：老周承认林岩出海那晚是他开的船。
            计划2：渔船驶近无人岛。
            计划3：海警的巡逻艇靠近。
            推荐计划：0
            """;

        ParseResult<StepDraft> result = ZhEdit(raw, recommend: true);

        Assert.Null(ParseAssert.Succeeds(result).RecommendedPlan);
        Assert.Equal(["recommended_plan 0 is not one of the 3 plans; dropped the recommendation"], result.Normalisations);
    }

    [Fact]
    public void Step_json_without_the_requested_recommendation_is_rejected()
    {
        const string raw = """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
             "memory_drop": [], "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """;

        ParseAssert.FailsWith(Edit(raw, recommend: true), "missing section: recommended_plan");
    }

    [Fact]
    public void Step_json_with_trailing_commas_is_read()
    {
        // A trailing comma is the commonest slip in model JSON; nothing is lost by accepting it.
        const string raw = """
            {
              "paragraph": "Mara did not light the lamp. She watched the cove, where a lantern swung twice and went out.",
              "summary": "Mara keeps the light dark and watches the cove.",
              "memory_drop": [{"sentence": 1, "reason": "Her father's illness no longer matters tonight.",},],
              "memory_add": [{"text": "A lantern signalled twice from the cove.", "reason": "Someone is landing.",},],
              "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes.",],
            }
            """;

        var step = ParseAssert.Succeeds(Edit(raw));

        Assert.Equal("Mara did not light the lamp. She watched the cove, where a lantern swung twice and went out.", step.Paragraph);
        Assert.Equal("Mara keeps the light dark and watches the cove.", step.Summary);
        Assert.Equal([new MemoryDrop(1, "Her father's illness no longer matters tonight.")], step.MemoryUpdate.Drops);
        Assert.Equal([new MemoryAddition("A lantern signalled twice from the cove.", "Someone is landing.")], step.MemoryUpdate.Additions);
        Assert.Equal(["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."], step.Plans);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t")]
    [InlineData(null)]
    public void Empty_step_output_is_rejected_as_empty(string? raw)
    {
        ParseAssert.FailsWith(Edit(raw!), "the output is empty");
    }

    [Fact]
    public void Step_prose_without_any_section_is_rejected()
    {
        const string raw = """
            Mara did not light the lamp. She sat on the gallery and watched the cove, where a lantern swung twice and went out.
            I'm sorry, I got carried away and forgot the format. Shall I try again?
            """;

        ParseAssert.FailsWith(Edit(raw), "no sections found: expected a JSON object or marked sections");
    }

    [Fact]
    public void Step_with_several_problems_reports_them_all_in_section_order()
    {
        // The drop of sentence 7 and the fourth plan would be normalised; what is missing is reported, in order.
        const string raw = """
            {"paragraph": "Mara did not light the lamp.",
             "memory_drop": [{"sentence": 7, "reason": "Out of date."}, {"reason": "The old bit."}],
             "memory_add": [],
             "plans": ["Vell climbs the steps.", "Vell climbs the steps.", " ", "Tobin comes home."]}
            """;

        ParseAssert.FailsWith(
            Edit(raw),
            "missing section: summary; memory_drop has an item without a sentence number: \"The old bit.\"; expected exactly 3 plans, found 2 (plans 1 and 2 were the same, plan 3 was empty)");
    }
}
