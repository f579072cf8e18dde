using RecurrentGpt.Core.Parsing;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Core.Tests.Parsing;

public class OpeningParserTests
{
    private const string SaltRoadJson = """
        {
          "title": "The Salt Road",
          "outline": "Mara Quill, the lighthouse keeper's daughter at Gull Point, learns that her brother Tobin sailed with the smuggler Captain Vell. She follows the salt road along the cliffs to find him. Vell wants the light dark on the night of the spring tide. In the end Mara lights the lamp herself.",
          "paragraphs": [
            "The fog came in before supper, as it did every evening in March. Mara climbed the ninety-one steps with the oil can knocking against her knee.",
            "Halfway up she found a note pushed under the storm door. It was in Tobin's careful hand, and it said only: \"Don't light it tonight.\""
          ],
          "memory": "Mara Quill keeps the Gull Point light while her father is ill. Her brother Tobin has been gone for three days. A note in Tobin's hand asks her not to light the lamp tonight.",
          "plans": [
            "Mara ignores the note and lights the lamp, then sees a dark ship turn away from the rocks.",
            "Mara leaves the lamp dark and goes down to the cove to see who is coming.",
            "Mara shows the note to her father, who recognises Captain Vell's way of doing business."
          ]
        }
        """;

    private static readonly string[] SaltRoadParagraphs =
    [
        "The fog came in before supper, as it did every evening in March. Mara climbed the ninety-one steps with the oil can knocking against her knee.",
        "Halfway up she found a note pushed under the storm door. It was in Tobin's careful hand, and it said only: \"Don't light it tonight.\"",
    ];

    private static readonly string[] SaltRoadPlans =
    [
        "Mara ignores the note and lights the lamp, then sees a dark ship turn away from the rocks.",
        "Mara leaves the lamp dark and goes down to the cove to see who is coming.",
        "Mara shows the note to her father, who recognises Captain Vell's way of doing business.",
    ];

    private const string SaltRoadOutline =
        "Mara Quill, the lighthouse keeper's daughter at Gull Point, learns that her brother Tobin sailed with the smuggler Captain Vell. She follows the salt road along the cliffs to find him. Vell wants the light dark on the night of the spring tide. In the end Mara lights the lamp herself.";

    private const string SaltRoadMemory =
        "Mara Quill keeps the Gull Point light while her father is ill. Her brother Tobin has been gone for three days. A note in Tobin's hand asks her not to light the lamp tonight.";

    private static readonly string[] FogHarbourPlans =
    [
        "林舟跟着老周去码头，在渔船的货舱里发现哥哥留下的围巾。",
        "林舟独自登上灯塔，找到守塔人留下的航海日志。",
        "林舟去派出所报案，却发现警察早已认识她的哥哥。",
    ];

    [Fact]
    public void Opening_json_reads_every_field()
    {
        var opening = ParseAssert.Succeeds(OutputParsers.ParseOpening(SaltRoadJson));

        Assert.Equal("The Salt Road", opening.Title);
        Assert.Equal(SaltRoadOutline, opening.Outline);
        Assert.Equal(SaltRoadParagraphs, opening.Paragraphs);
        Assert.Equal(SaltRoadMemory, opening.ShortTermMemory);
        Assert.Equal(SaltRoadPlans, opening.Plans);
    }

    [Fact]
    public void Opening_json_in_a_fence_between_prose_is_read()
    {
        // The brace in the chatter is not followed by a quote, so it must not be taken for the object.
        string raw = "Here is the opening of your story. I filled in every field of the {format} you gave me:\n\n```json\n"
            + SaltRoadJson
            + "\n```\n\nI hope you enjoy it! Let me know if you would like a darker tone.";

        var opening = ParseAssert.Succeeds(OutputParsers.ParseOpening(raw));

        Assert.Equal("The Salt Road", opening.Title);
        Assert.Equal(SaltRoadOutline, opening.Outline);
        Assert.Equal(SaltRoadParagraphs, opening.Paragraphs);
        Assert.Equal(SaltRoadMemory, opening.ShortTermMemory);
        Assert.Equal(SaltRoadPlans, opening.Plans);
    }

    [Fact]
    public void Opening_json_wrapped_in_an_object_named_after_the_schema_is_read()
    {
        string raw = "{\"story_opening\": " + SaltRoadJson + "}";

        var opening = ParseAssert.Succeeds(OutputParsers.ParseOpening(raw));

        Assert.Equal("The Salt Road", opening.Title);
        Assert.Equal(SaltRoadOutline, opening.Outline);
        Assert.Equal(SaltRoadParagraphs, opening.Paragraphs);
        Assert.Equal(SaltRoadMemory, opening.ShortTermMemory);
        Assert.Equal(SaltRoadPlans, opening.Plans);
    }

    [Fact]
    public void Chinese_opening_json_reads_every_field()
    {
        const string raw = """
            {
              "title": "雾港",
              "outline": "林舟回到雾港寻找失踪的哥哥林岩。船夫老周知道林岩最后一次出海的航线，却不肯开口。灯塔已经三天没有亮过，港口里的人都在等一艘不该回来的船。最后林舟点亮灯塔，让那艘船在众目睽睽之下靠岸。",
              "paragraphs": [
                "雾从海上漫进来的时候，林舟刚走下长途汽车。码头上只剩一盏昏黄的路灯，照着湿漉漉的石板。",
                "她在哥哥租住的阁楼里找到一张字条，上面只有一句话：“别让灯塔亮。”"
              ],
              "memory": "林舟回到雾港寻找失踪的哥哥林岩。林岩在阁楼里留下字条：“别让灯塔亮。”船夫老周似乎知道林岩的下落。",
              "plans": [
                "林舟跟着老周去码头，在渔船的货舱里发现哥哥留下的围巾。",
                "林舟独自登上灯塔，找到守塔人留下的航海日志。",
                "林舟去派出所报案，却发现警察早已认识她的哥哥。"
              ]
            }
            """;

        var opening = ParseAssert.Succeeds(OutputParsers.ParseOpening(raw));

        Assert.Equal("雾港", opening.Title);
        Assert.Equal("林舟回到雾港寻找失踪的哥哥林岩。船夫老周知道林岩最后一次出海的航线，却不肯开口。灯塔已经三天没有亮过，港口里的人都在等一艘不该回来的船。最后林舟点亮灯塔，让那艘船在众目睽睽之下靠岸。", opening.Outline);
        Assert.Equal(
            [
                "雾从海上漫进来的时候，林舟刚走下长途汽车。码头上只剩一盏昏黄的路灯，照着湿漉漉的石板。",
                "她在哥哥租住的阁楼里找到一张字条，上面只有一句话：“别让灯塔亮。”",
            ],
            opening.Paragraphs);
        Assert.Equal("林舟回到雾港寻找失踪的哥哥林岩。林岩在阁楼里留下字条：“别让灯塔亮。”船夫老周似乎知道林岩的下落。", opening.ShortTermMemory);
        Assert.Equal(FogHarbourPlans, opening.Plans);
    }

    [Fact]
    public void Opening_in_markdown_markers_is_read()
    {
        const string raw = """
            Of course! Here is the opening.

            **Title:** The Salt Road

            **Outline:** Mara Quill, the lighthouse keeper's daughter at Gull Point, learns that her brother Tobin sailed with the smuggler Captain Vell.
            In the end Mara lights the lamp herself.

            ## Paragraph 1
            The fog came in before supper, as it did every evening in March. Mara climbed the ninety-one steps with the oil can knocking against her knee.

            ## Paragraph 2
            Halfway up she found a note pushed under the storm door. It was in Tobin's careful hand, and it said only: "Don't light it tonight."

            **Short-term memory:** Mara Quill keeps the Gull Point light while her father is ill. Her brother Tobin has been gone for three days.

            **Plan 1**: Mara ignores the note and lights the lamp, then sees a dark ship turn away from the rocks.
            **Plan 2**: Mara leaves the lamp dark and goes down to the cove to see who is coming.
            **Plan 3**: Mara shows the note to her father, who recognises Captain Vell's way of doing business.
            """;

        var opening = ParseAssert.Succeeds(OutputParsers.ParseOpening(raw));

        Assert.Equal("The Salt Road", opening.Title);
        Assert.Equal(
            "Mara Quill, the lighthouse keeper's daughter at Gull Point, learns that her brother Tobin sailed with the smuggler Captain Vell.\nIn the end Mara lights the lamp herself.",
            opening.Outline);
        Assert.Equal(SaltRoadParagraphs, opening.Paragraphs);
        Assert.Equal("Mara Quill keeps the Gull Point light while her father is ill. Her brother Tobin has been gone for three days.", opening.ShortTermMemory);
        Assert.Equal(SaltRoadPlans, opening.Plans);
    }

    [Fact]
    public void Opening_title_bolded_together_with_its_label_loses_only_the_emphasis()
    {
        // "**Title: The Salt Road**" wraps label and value in one pair of asterisks; the closing pair is not part of the title.
        const string raw = """
            **Title: The Salt Road**
            **Outline:** Mara Quill follows the salt road to find her brother Tobin. In the end she lights the lamp herself.
            **Paragraph 1:** The fog came in before supper, as it did every evening in March.
            **Memory:** Mara Quill keeps the Gull Point light. Her brother Tobin is missing.
            **Plan 1:** Mara ignores the note and lights the lamp, then sees a dark ship turn away from the rocks.
            **Plan 2:** Mara leaves the lamp dark and goes down to the cove to see who is coming.
            **Plan 3:** Mara shows the note to her father, who recognises Captain Vell's way of doing business.
            """;

        var opening = ParseAssert.Succeeds(OutputParsers.ParseOpening(raw));

        Assert.Equal("The Salt Road", opening.Title);
        Assert.Equal("Mara Quill follows the salt road to find her brother Tobin. In the end she lights the lamp herself.", opening.Outline);
        Assert.Equal(["The fog came in before supper, as it did every evening in March."], opening.Paragraphs);
        Assert.Equal("Mara Quill keeps the Gull Point light. Her brother Tobin is missing.", opening.ShortTermMemory);
        Assert.Equal(SaltRoadPlans, opening.Plans);
    }

    [Fact]
    public void Opening_plan_list_with_an_introduction_and_closing_chatter_keeps_only_the_three_plans()
    {
        const string raw = """
            Title: The Salt Road
            Outline: Mara Quill follows the salt road to find her brother Tobin. In the end she lights the lamp herself.
            Paragraphs:
            The fog came in before supper, as it did every evening in March.

            Halfway up she found a note pushed under the storm door.
            Memory: Mara Quill keeps the Gull Point light. Her brother Tobin is missing.
            Plans: Here are three directions for the next paragraph:
            1. Mara ignores the note and lights the lamp, then sees a dark ship turn away from the rocks.
            2. Mara leaves the lamp dark and goes down to the cove to see who is coming.
            3. Mara shows the note to her father, who recognises Captain Vell's way of doing business.

            Let me know which direction you prefer!
            """;

        var opening = ParseAssert.Succeeds(OutputParsers.ParseOpening(raw));

        Assert.Equal("The Salt Road", opening.Title);
        Assert.Equal("Mara Quill follows the salt road to find her brother Tobin. In the end she lights the lamp herself.", opening.Outline);
        Assert.Equal(
            ["The fog came in before supper, as it did every evening in March.", "Halfway up she found a note pushed under the storm door."],
            opening.Paragraphs);
        Assert.Equal("Mara Quill keeps the Gull Point light. Her brother Tobin is missing.", opening.ShortTermMemory);
        Assert.Equal(SaltRoadPlans, opening.Plans);
    }

    [Fact]
    public void Chinese_opening_markers_with_crlf_and_full_width_colons_are_read()
    {
        string raw = """
            标题：雾港

            故事大纲：林舟回到雾港寻找失踪的哥哥林岩。船夫老周知道林岩最后一次出海的航线，却不肯开口。

            开篇段落：
            雾从海上漫进来的时候，林舟刚走下长途汽车。码头上只剩一盏昏黄的路灯。

            她在哥哥租住的阁楼里找到一张字条，上面只有一句话：“别让灯塔亮。”

            短期记忆：林舟回到雾港寻找失踪的哥哥林岩。船夫老周似乎知道林岩的下落。

            计划一：林舟跟着老周去码头，在渔船的货舱里发现哥哥留下的围巾。
            计划二：林舟独自登上灯塔，找到守塔人留下的航海日志。
            计划三：林舟去派出所报案，却发现警察早已认识她的哥哥。
            """.ReplaceLineEndings("\r\n");
        Assert.Contains("\r\n", raw, StringComparison.Ordinal);

        var opening = ParseAssert.Succeeds(OutputParsers.ParseOpening(raw));

        Assert.Equal("雾港", opening.Title);
        Assert.Equal("林舟回到雾港寻找失踪的哥哥林岩。船夫老周知道林岩最后一次出海的航线，却不肯开口。", opening.Outline);
        Assert.Equal(
            ["雾从海上漫进来的时候，林舟刚走下长途汽车。码头上只剩一盏昏黄的路灯。", "她在哥哥租住的阁楼里找到一张字条，上面只有一句话：“别让灯塔亮。”"],
            opening.Paragraphs);
        Assert.Equal("林舟回到雾港寻找失踪的哥哥林岩。船夫老周似乎知道林岩的下落。", opening.ShortTermMemory);
        Assert.Equal(FogHarbourPlans, opening.Plans);
    }

    [Fact]
    public void Chinese_opening_with_bracketed_plan_labels_and_text_on_the_same_line_is_read()
    {
        // "【计划2】…" carries its text on the label's line; before the fix the plans ran into the memory.
        const string raw = """
            【标题】雾港
            【大纲】林舟回到雾港寻找失踪的哥哥林岩。最后她点亮灯塔，让那艘船靠岸。
            【段落1】雾从海上漫进来的时候，林舟刚走下长途汽车。
            【短期记忆】林舟回到雾港寻找失踪的哥哥林岩。船夫老周似乎知道林岩的下落。
            【计划1】林舟跟着老周去码头，在渔船的货舱里发现哥哥留下的围巾。
            【计划2】林舟独自登上灯塔，找到守塔人留下的航海日志。
            【计划3】林舟去派出所报案，却发现警察早已认识她的哥哥。
            """;

        var opening = ParseAssert.Succeeds(OutputParsers.ParseOpening(raw));

        Assert.Equal("雾港", opening.Title);
        Assert.Equal("林舟回到雾港寻找失踪的哥哥林岩。最后她点亮灯塔，让那艘船靠岸。", opening.Outline);
        Assert.Equal(["雾从海上漫进来的时候，林舟刚走下长途汽车。"], opening.Paragraphs);
        Assert.Equal("林舟回到雾港寻找失踪的哥哥林岩。船夫老周似乎知道林岩的下落。", opening.ShortTermMemory);
        Assert.Equal(FogHarbourPlans, opening.Plans);
    }

    [Fact]
    public void Opening_with_plan_headings_separated_by_dashes_is_read()
    {
        const string raw = """
            ## Title
            The Salt Road

            ## Outline
            Mara Quill follows the salt road to find her brother Tobin. In the end she lights the lamp herself.

            ## Paragraph 1
            The fog came in before supper, as it did every evening in March.

            ## Memory
            Mara Quill keeps the Gull Point light. Her brother Tobin is missing.

            ### Plan 1 — Mara ignores the note and lights the lamp, then sees a dark ship turn away from the rocks.
            ### Plan 2 — Mara leaves the lamp dark and goes down to the cove to see who is coming.
            ### Plan 3 — Mara shows the note to her father, who recognises Captain Vell's way of doing business.
            """;

        var opening = ParseAssert.Succeeds(OutputParsers.ParseOpening(raw));

        Assert.Equal("The Salt Road", opening.Title);
        Assert.Equal("Mara Quill follows the salt road to find her brother Tobin. In the end she lights the lamp herself.", opening.Outline);
        Assert.Equal(["The fog came in before supper, as it did every evening in March."], opening.Paragraphs);
        Assert.Equal("Mara Quill keeps the Gull Point light. Her brother Tobin is missing.", opening.ShortTermMemory);
        Assert.Equal(SaltRoadPlans, opening.Plans);
    }

    [Fact]
    public void Opening_json_with_empty_memory_is_rejected()
    {
        string raw = SaltRoadJson.Replace("\"memory\": \"" + SaltRoadMemory + "\"", "\"memory\": \"\"", StringComparison.Ordinal);
        Assert.NotEqual(SaltRoadJson, raw);

        ParseAssert.FailsWith(OutputParsers.ParseOpening(raw), "empty section: memory");
    }

    [Fact]
    public void Chinese_opening_without_an_outline_is_rejected_naming_the_section()
    {
        const string raw = """
            标题：雾港
            段落1：雾从海上漫进来的时候，林舟刚走下长途汽车。
            短期记忆：林舟回到雾港寻找失踪的哥哥林岩。
            计划1：林舟跟着老周去码头，在渔船的货舱里发现哥哥留下的围巾。
            计划2：林舟独自登上灯塔，找到守塔人留下的航海日志。
            计划3：林舟去派出所报案，却发现警察早已认识她的哥哥。
            """;

        ParseAssert.FailsWith(OutputParsers.ParseOpening(raw), "missing section: outline");
    }

    [Fact]
    public void Chinese_opening_json_with_two_plans_is_rejected_naming_the_count()
    {
        const string raw = """
            {"title": "雾港", "outline": "林舟回到雾港寻找失踪的哥哥林岩。", "paragraphs": ["雾从海上漫进来的时候，林舟刚走下长途汽车。"],
             "memory": "林舟回到雾港寻找失踪的哥哥林岩。", "plans": ["林舟跟着老周去码头。", "林舟独自登上灯塔。"]}
            """;

        ParseAssert.FailsWith(OutputParsers.ParseOpening(raw), "expected exactly 3 plans, found 2");
    }

    [Fact]
    public void Chinese_opening_markers_cut_off_after_plan_2_are_rejected_naming_the_count()
    {
        const string raw = """
            标题：雾港
            大纲：林舟回到雾港寻找失踪的哥哥林岩。
            段落1：雾从海上漫进来的时候，林舟刚走下长途汽车。
            短期记忆：林舟回到雾港寻找失踪的哥哥林岩。
            计划1：林舟跟着老周去码头，在渔船的货舱里发现哥哥留下的围巾。
            计划2：林舟独自登上灯塔，找到守塔人留下的航海日志。
            """;

        ParseAssert.FailsWith(OutputParsers.ParseOpening(raw), "expected exactly 3 plans, found 2");
    }

    [Fact]
    public void Opening_json_cut_off_mid_string_is_rejected_as_unclosed()
    {
        string raw = SaltRoadJson[..SaltRoadJson.IndexOf("pushed under", StringComparison.Ordinal)];

        ParseAssert.FailsWith(OutputParsers.ParseOpening(raw), "the output ends before its JSON object is closed");
    }

    [Fact]
    public void Opening_with_six_paragraphs_is_rejected_naming_the_limit()
    {
        const string raw = """
            {"title": "The Salt Road", "outline": "Mara Quill follows the salt road to find her brother Tobin.",
             "paragraphs": ["The fog came in.", "Mara climbed the steps.", "She found a note.", "The note was Tobin's.", "She read it twice.", "Then she waited."],
             "memory": "Mara Quill keeps the Gull Point light.", "plans": ["Mara lights the lamp.", "Mara goes to the cove.", "Mara wakes her father."]}
            """;

        ParseAssert.FailsWith(OutputParsers.ParseOpening(raw), "expected at most 5 paragraphs, found 6");
    }

    [Fact]
    public void Opening_markers_numbering_plans_1_2_4_are_read_in_that_order_and_the_numbering_is_recorded()
    {
        const string raw = """
            Title: The Salt Road
            Outline: Mara Quill follows the salt road to find her brother Tobin.
            Paragraph 1: The fog came in before supper, as it did every evening in March.
            Memory: Mara Quill keeps the Gull Point light.
            Plan 1: Mara ignores the note and lights the lamp.
            Plan 2: Mara leaves the lamp dark and goes down to the cove.
            Plan 4: Mara shows the note to her father.
            """;

        ParseResult<StoryOpening> result = OutputParsers.ParseOpening(raw);

        StoryOpening opening = ParseAssert.Succeeds(result);
        Assert.Equal(["Mara ignores the note and lights the lamp.", "Mara leaves the lamp dark and goes down to the cove.", "Mara shows the note to her father."], opening.Plans);
        Assert.Equal(["plans were numbered 1, 2, 4; read them in that order"], result.Normalisations);
    }

    [Fact]
    public void Opening_json_with_an_empty_plan_among_three_is_rejected_as_two_plans_naming_the_empty_one()
    {
        const string raw = """
            {"title": "The Salt Road", "outline": "Mara Quill follows the salt road to find her brother Tobin.",
             "paragraphs": ["The fog came in before supper, as it did every evening in March."],
             "memory": "Mara Quill keeps the Gull Point light.", "plans": ["Mara ignores the note and lights the lamp.", "  ", "Mara shows the note to her father."]}
            """;

        ParseAssert.FailsWith(OutputParsers.ParseOpening(raw), "expected exactly 3 plans, found 2 (plan 2 was empty)");
    }

    [Fact]
    public void Opening_json_repeating_the_title_key_is_rejected_as_duplicate()
    {
        string raw = SaltRoadJson.Replace("\"title\": \"The Salt Road\",", "\"title\": \"The Salt Road\",\n  \"title\": \"Gull Point\",", StringComparison.Ordinal);
        Assert.NotEqual(SaltRoadJson, raw);

        ParseAssert.FailsWith(OutputParsers.ParseOpening(raw), "duplicate section: title");
    }

    [Fact]
    public void Opening_with_no_title_and_two_plans_reports_both_problems_in_section_order()
    {
        const string raw = """
            {"outline": "Mara Quill follows the salt road to find her brother Tobin.",
             "paragraphs": ["The fog came in before supper, as it did every evening in March."],
             "memory": "Mara Quill keeps the Gull Point light.", "plans": ["Mara ignores the note and lights the lamp.", "Mara shows the note to her father."]}
            """;

        ParseAssert.FailsWith(OutputParsers.ParseOpening(raw), "missing section: title; expected exactly 3 plans, found 2");
    }
}
