namespace RecurrentGpt.Core.Tests.Parsing;

public enum OutputKind
{
    Opening,
    StepEdit,
    StepEditRecommended,
    StepRewrite,
    PlanPick,
    Compression,
}

/// <summary>One model output in the wild: what was asked, what came back, and the normalisations it must be read with.</summary>
public sealed record SloppyOutput(OutputKind Kind, bool Chinese, string Raw, string[] Normalisations);

/// <summary>
/// Outputs written the way models get them wrong: fences, prose around the object, keys out of order or misspelt,
/// extra keys, repeated or impossible drop numbers, too many or empty plans, line markers, Chinese.
/// Step outputs are read against a three-sentence memory (Salt Road in English, Fog Harbour in Chinese).
/// </summary>
public static class SloppyOutputCorpus
{
    public static readonly IReadOnlyDictionary<string, SloppyOutput> Readable = new Dictionary<string, SloppyOutput>
    {
        ["fenced json with one sentence dropped twice"] = new(OutputKind.StepEdit, false, """
            ```json
            {
              "paragraph": "Mara did not light the lamp. She watched the cove until the lantern went out.",
              "summary": "Mara keeps the light dark and watches the cove.",
              "memory_drop": [{"sentence": 1, "reason": "Her father is asleep."}, {"sentence": 1, "reason": "Not needed."}],
              "memory_add": [{"text": "A lantern signalled twice from the cove.", "reason": "Someone is landing."}],
              "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]
            }
            ```
            """, ["the JSON object was inside a code fence; read inside it", "memory_drop named sentence 1 twice; kept once"]),

        ["plans first, a thoughts key, and drop numbers as text"] = new(OutputKind.StepEdit, false, """
            {"plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."],
             "thoughts": "The reader wants tension.",
             "memory_add": [],
             "memory_drop": ["2", "[2]"],
             "summary": "Mara keeps the light dark.",
             "paragraph": "Mara did not light the lamp."}
            """, ["ignored the unexpected key \"thoughts\"", "memory_drop gave sentence 2 as text, not a number", "memory_drop named sentence 2 twice; kept once"]),

        ["prose around the object and a fourth plan"] = new(OutputKind.StepEdit, false, """
            Here is the continuation you asked for.
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.", "memory_drop": [], "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes.", "Tobin rows home alone."]}
            I hope this helps the story along!
            """, ["ignored the text before the JSON object", "ignored the text after the JSON object", "4 plans returned; kept the first 3"]),

        ["five plans with an empty one and a repeat"] = new(OutputKind.StepEdit, false, """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.", "memory_drop": [], "memory_add": [],
             "plans": ["Vell climbs the steps.", "", "Mara slips down to the cove.", "Vell climbs the steps.", "Mara's father wakes."]}
            """, ["plan 2 was empty; dropped it", "plans 1 and 4 were the same; kept plan 1"]),

        ["bold markers after a greeting, a sentence dropped twice"] = new(OutputKind.StepEdit, false, """
            Of course! Continuing the story:

            **Paragraph:** Mara did not light the lamp. She watched the cove.
            **Summary:** Mara keeps the light dark.
            **Memory drop:**
            - [2] Tobin is back.
            - [2] Tobin is back, really.
            **Memory add:** none
            **Plan 1:** Vell climbs the steps.
            **Plan 2:** Mara slips down to the cove.
            **Plan 3:** Mara's father wakes.
            """, ["ignored the text before the first section", "memory_drop named sentence 2 twice; kept once"]),

        ["chinese json dropping a sentence it lacks and recommending plan 4"] = new(OutputKind.StepEditRecommended, true, """
            {"paragraph": "天还没亮，老周的渔船就离开了码头。", "summary": "林舟随老周出海。",
             "memory_drop": [{"sentence": 5, "reason": "过时了。"}],
             "memory_add": [{"text": "林舟随老周出海了。", "reason": "她要去找哥哥。"}],
             "plans": ["老周承认林岩出海那晚是他开的船。", "渔船驶近无人岛。", "海警的巡逻艇靠近。"],
             "recommended_plan": 4}
            """, ["memory_drop named sentence 5, but the memory has 3 sentences; ignored it", "recommended_plan 4 is not one of the 3 plans; dropped the recommendation"]),

        ["chinese bracket markers dropping the second sentence twice"] = new(OutputKind.StepEdit, true, """
            【段落】
            天还没亮，老周的渔船就离开了码头。
            【摘要】林舟随老周出海。
            【删除记忆】
            - 第二句：老周已经载她出海。
            - 第2句：这句过时了。
            【新增记忆】林舟随老周出海了。
            【计划1】老周承认林岩出海那晚是他开的船。
            【计划2】渔船驶近无人岛。
            【计划3】海警的巡逻艇靠近。
            """, ["memory_drop named sentence 2 twice; kept once"]),

        ["trailing commas and a padded paragraph"] = new(OutputKind.StepEdit, false, """
            {
              "paragraph": "  Mara did not light the lamp.\n",
              "summary": "Mara keeps the light dark.",
              "memory_drop": [3,],
              "memory_add": [],
              "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes.",],
            }
            """, ["the JSON had trailing commas or comments; read it leniently", "trimmed white space around paragraph"]),

        ["keys in title case and with hyphens"] = new(OutputKind.StepEdit, false, """
            {"Paragraph": "Mara did not light the lamp.", "Summary": "Mara keeps the light dark.",
             "memory-drop": [], "Memory Add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """, ["read the key \"Paragraph\" as paragraph", "read the key \"Summary\" as summary", "read the key \"memory-drop\" as memory_drop", "read the key \"Memory Add\" as memory_add"]),

        ["the reply wrapped in an object named after the schema"] = new(OutputKind.StepEdit, false, """
            {"story_step": {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
             "memory_drop": [{"sentence": 3, "reason": "Obeyed."}, {"sentence": 3, "reason": "Obeyed."}, {"sentence": 3, "reason": "Obeyed."}],
             "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}}
            """, ["read the sections inside the wrapping object \"story_step\"", "memory_drop named sentence 3 3 times; kept once"]),

        ["an empty memory addition"] = new(OutputKind.StepEdit, false, """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.", "memory_drop": [],
             "memory_add": ["", {"text": "Tobin's boat is missing from the slip.", "reason": "He left by sea."}],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """, ["memory_add item 1 was empty; dropped it"]),

        ["memory_drop written as none"] = new(OutputKind.StepEdit, false, """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.", "memory_drop": "none",
             "memory_add": [{"text": "Vell landed in the cove.", "reason": "New threat."}],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """, ["memory_drop was \"none\" instead of a list; read as empty"]),

        ["plans as one numbered string"] = new(OutputKind.StepEdit, false, """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.", "memory_drop": [], "memory_add": [],
             "plans": "1. Vell climbs the steps.\n2. Mara slips down to the cove.\n3. Mara's father wakes."}
            """, ["plans was one text, not a list; split it into 3 items"]),

        ["recommendation given as text"] = new(OutputKind.StepEditRecommended, false, """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.", "memory_drop": [], "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."], "recommended_plan": "Plan 2"}
            """, ["recommended_plan was given as text, not a number"]),

        ["a repeated plan and a recommendation that moves with it"] = new(OutputKind.StepEditRecommended, false, """
            {"recommended_plan": 4, "paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
             "memory_drop": [], "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "  Mara slips down to the cove. ", "Mara's father wakes."]}
            """, ["trimmed white space around plan 3", "plans 2 and 3 were the same; kept plan 2", "recommended_plan 4 is plan 3 once the plans are tidied"]),

        ["a drop number written as 2.0"] = new(OutputKind.StepEdit, false, """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
             "memory_drop": [{"sentence": 2.0, "reason": "Tobin is back."}], "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """, ["memory_drop gave sentence 2 as 2.0; read as 2"]),

        ["rewrite in a bare fence with the memory as a list"] = new(OutputKind.StepRewrite, false, """
            ```
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
             "memory_rationale": "Dropped the note; added Vell.",
             "memory": ["Mara Quill keeps the Gull Point light.", "Tobin is still missing.", "Captain Vell landed in the cove."],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            ```
            Notes: I kept the memory short.
            """, ["the JSON object was inside a code fence; read inside it", "ignored the text after the JSON object", "memory was a list; joined its 3 items"]),

        ["chinese rewrite in markers with chatter before"] = new(OutputKind.StepRewrite, true, """
            好的，下面是续写：

            段落：天还没亮，老周的渔船就离开了码头。
            摘要：林舟随老周出海。
            记忆调整理由：老周的承诺已经兑现。
            更新后的记忆：林舟在雾港寻找失踪的哥哥林岩。她随老周出海了。
            计划1：老周承认林岩出海那晚是他开的船。
            计划2：渔船驶近无人岛。
            计划3：海警的巡逻艇靠近。
            """, ["ignored the text before the first section"]),

        ["plan markers numbered 1, 2, 4"] = new(OutputKind.StepEdit, false, """
            Paragraph: Mara did not light the lamp.
            Summary: Mara keeps the light dark.
            Memory drop: none
            Memory add: none
            Plan 1: Vell climbs the steps.
            Plan 2: Mara slips down to the cove.
            Plan 4: Mara's father wakes.
            """, ["plans were numbered 1, 2, 4; read them in that order"]),

        ["chinese plan 2 numbered twice"] = new(OutputKind.StepEdit, true, """
            段落：天还没亮，老周的渔船就离开了码头。
            摘要：林舟随老周出海。
            删除记忆：无
            新增记忆：无
            计划1：老周承认林岩出海那晚是他开的船。
            计划2：渔船驶近无人岛。
            计划2：海警的巡逻艇靠近。
            """, ["plan 2 was numbered twice; read the plans in the order given"]),

        ["a plan list with four items and a sign-off"] = new(OutputKind.StepEdit, false, """
            **Paragraph:** Mara did not light the lamp.
            **Summary:** Mara keeps the light dark.
            **Memory drop:** none
            **Memory add:** none
            **Plans:**
            1. Vell climbs the steps.
            2. Mara slips down to the cove.
            3. Mara's father wakes.
            4. Tobin rows home.

            Want me to make it darker?
            """, ["ignored the text after the plans list", "4 plans returned; kept the first 3"]),

        ["a drop quoting the sentence instead of its number"] = new(OutputKind.StepEdit, false, """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
             "memory_drop": [{"sentence": "A note in Tobin's hand asks her not to light the lamp tonight.", "reason": "Obeyed."}],
             "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """, ["memory_drop quoted sentence 3 instead of naming its number; read as 3"]),

        ["drops 3, 3 and 9 and the same addition twice"] = new(OutputKind.StepEdit, false, """
            {
                "paragraph"   :   "Mara did not light the lamp."  ,
                "summary"     :   "Mara keeps the light dark."    ,
                "memory_drop" :   [ 3 , 3 , 9 ] ,
                "memory_add"  :   [ "Vell landed in the cove." , "Vell landed in the cove." ] ,
                "plans"       :   [ "Vell climbs the steps." , "Mara slips down to the cove." , "Mara's father wakes." ]
            }
            """, ["memory_drop named sentence 3 twice; kept once", "memory_drop named sentence 9, but the memory has 3 sentences; ignored it", "memory_add gave the same sentence twice; kept it once"]),

        ["chinese plans differing only in white space"] = new(OutputKind.StepEdit, true, """
            ```json
            {"paragraph": "天还没亮，老周的渔船就离开了码头。", "summary": "林舟随老周出海。", "memory_drop": [], "memory_add": [],
             "plans": ["老周承认林岩出海那晚是他开的船。", "渔船驶近无人岛。", "渔船驶近 无人岛。", "海警的巡逻艇靠近。"]}
            ```
            """, ["the JSON object was inside a code fence; read inside it", "plans 2 and 3 were the same; kept plan 2"]),

        ["two unexpected keys"] = new(OutputKind.StepEdit, false, """
            {"analysis": "The plan asks for tension.", "paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
             "memory_drop": [], "memory_add": [], "word_count": 6,
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """, ["ignored the unexpected key \"analysis\"", "ignored the unexpected key \"word_count\""]),

        ["markers inside a code fence"] = new(OutputKind.StepEdit, false, """
            ```markdown
            ## Paragraph
            Mara did not light the lamp.

            ## Summary
            Mara keeps the light dark.

            ## Memory drop
            - [1] Her father is asleep.
            - [1] Repeated.
            - [4] Not there.

            ## Memory add
            - Vell landed in the cove.

            ## Plans
            1. Vell climbs the steps.
            2. Mara slips down to the cove.
            3. Mara's father wakes.
            ```
            """, ["ignored the code fence around the sections", "memory_drop named sentence 1 twice; kept once", "memory_drop named sentence 4, but the memory has 3 sentences; ignored it"]),

        ["an opening in a fence with four plans"] = new(OutputKind.Opening, false, """
            ```json
            {"title": "The Salt Road", "outline": "Mara Quill follows the salt road to find her brother Tobin.",
             "paragraphs": ["The fog came in before supper.", "Halfway up she found a note."],
             "memory": "Mara Quill keeps the Gull Point light. Her brother Tobin is missing.",
             "plans": ["Mara lights the lamp.", "Mara goes to the cove.", "Mara wakes her father.", "Mara burns the note."]}
            ```
            """, ["the JSON object was inside a code fence; read inside it", "4 plans returned; kept the first 3"]),

        ["a chinese opening with an empty plan among four"] = new(OutputKind.Opening, true, """
            标题：雾港
            大纲：林舟回到雾港寻找失踪的哥哥林岩。
            段落1：雾从海上漫进来的时候，林舟刚走下长途汽车。
            短期记忆：林舟回到雾港寻找失踪的哥哥林岩。
            计划一：林舟跟着老周去码头。
            计划二：
            计划三：林舟独自登上灯塔。
            计划四：林舟去派出所报案。
            """, ["plan 2 was empty; dropped it"]),

        ["an opening repeating the title with the same text"] = new(OutputKind.Opening, false, """
            {"title": "The Salt Road", "outline": "Mara Quill follows the salt road to find her brother Tobin.", "title": "The Salt Road",
             "paragraphs": ["The fog came in before supper."], "memory": "Mara Quill keeps the Gull Point light.",
             "plans": ["Mara lights the lamp.", "Mara goes to the cove.", "Mara wakes her father."]}
            """, ["title appeared twice with the same text; kept one"]),

        ["an opening with an empty paragraph"] = new(OutputKind.Opening, false, """
            {"title": "The Salt Road", "outline": "Mara Quill follows the salt road to find her brother Tobin.",
             "paragraphs": ["The fog came in before supper.", " ", "Halfway up she found a note."], "memory": "Mara Quill keeps the Gull Point light.",
             "plans": ["Mara lights the lamp.", "Mara goes to the cove.", "Mara wakes her father."]}
            """, ["paragraph 2 was empty; dropped it"]),

        ["a plan choice naming its plan as text, with a sign-off"] = new(OutputKind.PlanPick, false, """
            {"chosen_plan": "2", "reason": "It keeps Mara active.", "refined_plan": "Mara slips down the back path and searches Vell's dinghy."}
            Happy writing!
            """, ["ignored the text after the JSON object", "chosen_plan was given as text, not a number"]),

        ["a chinese plan choice after a preamble"] = new(OutputKind.PlanPick, true, """
            我的选择如下：
            {"reason": "无人岛上的信号悬念最强。", "refined_plan": "渔船驶近无人岛时，林舟看见岛上有人打信号。", "chosen_plan": 2}
            """, ["ignored the text before the JSON object"]),

        ["a fenced compression with padding"] = new(OutputKind.Compression, false, """
            ```json
            {"memory": "  Mara keeps the light. Tobin is missing. Vell landed in the cove.  "}
            ```
            """, ["the JSON object was inside a code fence; read inside it", "trimmed white space around memory"]),

        ["a chinese compression as a list of sentences"] = new(OutputKind.Compression, true, """
            {"memory": ["林舟在雾港寻找哥哥林岩。", "她随老周出海了。"], "note": "已压缩"}
            """, ["memory was a list; joined its 2 items", "ignored the unexpected key \"note\""]),

        ["a clean step needs nothing"] = new(OutputKind.StepEditRecommended, false, """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
             "memory_drop": [{"sentence": 3, "reason": "Obeyed."}], "memory_add": [{"text": "Vell landed in the cove.", "reason": "New threat."}],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."], "recommended_plan": 1}
            """, []),
    };

    /// <summary>Outputs whose meaning is truly missing: each still fails, with the error the repair request quotes.</summary>
    public static readonly IReadOnlyDictionary<string, (OutputKind Kind, bool Chinese, string Raw, string Error)> Unreadable =
        new Dictionary<string, (OutputKind, bool, string, string)>
        {
            ["no paragraph"] = (OutputKind.StepEdit, false, """
                {"summary": "Mara keeps the light dark.", "memory_drop": [1, 1], "memory_add": [],
                 "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
                """, "missing section: paragraph"),
            ["an empty paragraph"] = (OutputKind.StepEdit, false, """
                {"paragraph": "  ", "summary": "Mara keeps the light dark.", "memory_drop": [], "memory_add": [],
                 "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
                """, "empty section: paragraph"),
            ["no plans at all"] = (OutputKind.StepEdit, false, """
                {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.", "memory_drop": [], "memory_add": [], "plans": []}
                """, "expected exactly 3 plans, found 0"),
            ["four plans of which two are usable"] = (OutputKind.StepEdit, false, """
                {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.", "memory_drop": [], "memory_add": [],
                 "plans": ["Vell climbs the steps.", " ", "Vell climbs the steps.", "Mara's father wakes."]}
                """, "expected exactly 3 plans, found 2 (plan 2 was empty, plans 1 and 3 were the same)"),
            ["chinese plans that are one plan twice"] = (OutputKind.StepEdit, true, """
                {"paragraph": "天还没亮。", "summary": "林舟随老周出海。", "memory_drop": [], "memory_add": [],
                 "plans": ["渔船驶近无人岛。", "渔船驶近无人岛。", "海警的巡逻艇靠近。"]}
                """, "expected exactly 3 plans, found 2 (plans 1 and 2 were the same)"),
            ["prose only"] = (OutputKind.StepEdit, false, """
                Mara did not light the lamp. I'm sorry, I forgot the format.
                """, "no sections found: expected a JSON object or marked sections"),
            ["cut off mid string"] = (OutputKind.StepEdit, true, """
                {"paragraph": "天还没亮，老周的渔船就离开了码头。", "summary": "林舟随老周出海。", "memory_drop": [], "memory_add": [{"text": "林舟在老周的
                """, "the output ends before its JSON object is closed"),
            ["a drop that names nothing"] = (OutputKind.StepEdit, false, """
                {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
                 "memory_drop": [{"reason": "The old part."}], "memory_add": [],
                 "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
                """, "memory_drop has an item without a sentence number: \"The old part.\""),
            ["two different paragraphs"] = (OutputKind.StepEdit, false, """
                {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.", "paragraph": "She lit it after all.",
                 "memory_drop": [], "memory_add": [],
                 "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
                """, "duplicate section: paragraph"),
            ["a rewrite with an empty memory"] = (OutputKind.StepRewrite, false, """
                {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.", "memory_rationale": "All gone.", "memory": "",
                 "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
                """, "empty section: memory"),
            ["an opening without a title"] = (OutputKind.Opening, false, """
                {"outline": "Mara Quill follows the salt road.", "paragraphs": ["The fog came in."], "memory": "Mara keeps the light.",
                 "plans": ["Mara lights the lamp.", "Mara goes to the cove.", "Mara wakes her father."]}
                """, "missing section: title"),
            ["an opening whose paragraphs are all empty"] = (OutputKind.Opening, true, """
                {"title": "雾港", "outline": "林舟回到雾港寻找失踪的哥哥林岩。", "paragraphs": ["", "  "], "memory": "林舟回到雾港。",
                 "plans": ["林舟去码头。", "林舟登上灯塔。", "林舟去报案。"]}
                """, "expected at least 1 paragraph, found 0 (paragraph 1 was empty, paragraph 2 was empty)"),
            ["a plan choice of plan 4"] = (OutputKind.PlanPick, false, """
                {"chosen_plan": 4, "reason": "A surprise.", "refined_plan": "Tobin rows into the cove himself."}
                """, "chosen_plan must be a number from 1 to 3, got \"4\""),
            ["an empty compression"] = (OutputKind.Compression, true, """
                ```json
                {"memory": "   "}
                ```
                """, "empty section: memory"),
        };
}
