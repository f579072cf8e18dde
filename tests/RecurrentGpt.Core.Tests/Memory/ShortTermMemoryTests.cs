using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Parsing;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Core.Tests.Memory;

public class ShortTermMemoryTests
{
    private const string SaltRoadText =
        "Mara Quill keeps the Gull Point light; her father, \"Old Quill\", is ill. Tobin's boat, the Heron, hasn't been seen since Tuesday! Did Captain Vell take him? A note in Tobin's hand reads: \"Don't light it tonight.\"";

    private const string FogHarbourText =
        "林舟回到雾港寻找失踪的哥哥林岩。林岩在阁楼里留下字条：“别让灯塔亮！”船夫老周答应天亮前载她出海；他收了她三百块钱。灯塔已经三天没有亮过。";

    private static StepDraft ParseEditStep(string raw, ShortTermMemory memory)
    {
        ParseResult<StepDraft> result = OutputParsers.ParseStep(raw, memory, MemoryMode.Edit, recommend: false);
        Assert.True(result.Succeeded, result.Error);
        return result.Value!;
    }

    [Fact]
    public void Dropping_sentence_2_and_adding_one_keeps_every_other_english_sentence_byte_identical()
    {
        var memory = ShortTermMemory.FromText(SaltRoadText);
        string[] before =
        [
            "Mara Quill keeps the Gull Point light; her father, \"Old Quill\", is ill.",
            "Tobin's boat, the Heron, hasn't been seen since Tuesday!",
            "Did Captain Vell take him?",
            "A note in Tobin's hand reads: \"Don't light it tonight.\"",
        ];
        Assert.Equal(before, memory.Sentences);
        StepDraft step = ParseEditStep(
            """
            {"paragraph": "Mara found the Heron's painter cut clean through.", "summary": "Mara finds the Heron's rope cut.",
             "memory_drop": [{"sentence": 2, "reason": "The Heron has been found."}],
             "memory_add": [{"text": "The Heron lies in the cove with her painter cut — someone set her adrift.", "reason": "Tobin did not leave by choice."}],
             "plans": ["Mara follows the tide line.", "Mara wakes her father.", "Mara rows out to Vell's ship."]}
            """,
            memory);

        ShortTermMemory after = memory.Apply(step.MemoryUpdate);

        Assert.Equal(4, after.Sentences.Count);
        Assert.Equal(before[0], after.Sentences[0], StringComparer.Ordinal);
        Assert.Equal(before[2], after.Sentences[1], StringComparer.Ordinal);
        Assert.Equal(before[3], after.Sentences[2], StringComparer.Ordinal);
        Assert.Equal("The Heron lies in the cove with her painter cut — someone set her adrift.", after.Sentences[3], StringComparer.Ordinal);
        Assert.Equal(
            "Mara Quill keeps the Gull Point light; her father, \"Old Quill\", is ill. Did Captain Vell take him? A note in Tobin's hand reads: \"Don't light it tonight.\" The Heron lies in the cove with her painter cut — someone set her adrift.",
            after.Text,
            StringComparer.Ordinal);
    }

    [Fact]
    public void Dropping_sentence_2_and_adding_one_keeps_every_other_chinese_sentence_byte_identical()
    {
        var memory = ShortTermMemory.FromText(FogHarbourText);
        string[] before =
        [
            "林舟回到雾港寻找失踪的哥哥林岩。",
            "林岩在阁楼里留下字条：“别让灯塔亮！”",
            "船夫老周答应天亮前载她出海；",
            "他收了她三百块钱。",
            "灯塔已经三天没有亮过。",
        ];
        Assert.Equal(before, memory.Sentences);
        StepDraft step = ParseEditStep(
            """
            段落：天还没亮，老周的渔船就离开了码头。
            摘要：林舟随老周出海。
            删除记忆：
            - [2] 字条的内容已经不重要了。
            新增记忆：
            - 林舟在老周的船舱里找到了哥哥的“灰围巾”。（理由：林岩上过这条船。）
            计划1：老周承认林岩出海那晚是他开的船。
            计划2：渔船驶近无人岛。
            计划3：海警的巡逻艇靠近。
            """,
            memory);

        ShortTermMemory after = memory.Apply(step.MemoryUpdate);

        Assert.Equal(
            [before[0], before[2], before[3], before[4], "林舟在老周的船舱里找到了哥哥的“灰围巾”。"],
            after.Sentences,
            StringComparer.Ordinal);
        Assert.Equal("林舟回到雾港寻找失踪的哥哥林岩。船夫老周答应天亮前载她出海；他收了她三百块钱。灯塔已经三天没有亮过。林舟在老周的船舱里找到了哥哥的“灰围巾”。", after.Text, StringComparer.Ordinal);
    }

    [Fact]
    public void Numbered_shows_each_sentence_after_its_one_based_number()
    {
        var memory = ShortTermMemory.FromText("Mara keeps the light. Tobin is missing. 老周不肯开口。");

        Assert.Equal("[1] Mara keeps the light.\n[2] Tobin is missing.\n[3] 老周不肯开口。", memory.Numbered());
    }

    [Fact]
    public void Step_dropping_a_sentence_past_the_end_ignores_that_drop_naming_both_counts()
    {
        var memory = ShortTermMemory.FromText("Mara Quill keeps the Gull Point light while her father is ill.");
        const string raw = """
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.",
             "memory_drop": [{"sentence": 2, "reason": "Out of date."}], "memory_add": [],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """;

        ParseResult<StepDraft> result = OutputParsers.ParseStep(raw, memory, MemoryMode.Edit, recommend: false);

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(result.Value!.MemoryUpdate.Drops);
        Assert.Equal(["memory_drop named sentence 2, but the memory has 1 sentence; ignored it"], result.Normalisations);
    }

    [Fact]
    public void Chinese_step_dropping_sentence_0_and_6_ignores_both_and_records_each()
    {
        var memory = ShortTermMemory.FromText(FogHarbourText);
        const string raw = """
            段落：天还没亮，老周的渔船就离开了码头。
            摘要：林舟随老周出海。
            删除记忆：
            - [0] 这句过时了。
            - [6] 这句也过时了。
            新增记忆：无
            计划1：老周承认林岩出海那晚是他开的船。
            计划2：渔船驶近无人岛。
            计划3：海警的巡逻艇靠近。
            """;

        ParseResult<StepDraft> result = OutputParsers.ParseStep(raw, memory, MemoryMode.Edit, recommend: false);

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(result.Value!.MemoryUpdate.Drops);
        Assert.Equal(
            ["memory_drop named sentence 0, but the memory has 5 sentences; ignored it", "memory_drop named sentence 6, but the memory has 5 sentences; ignored it"],
            result.Normalisations);
    }

    [Fact]
    public void Applying_an_update_that_names_a_sentence_twice_drops_it_once()
    {
        var memory = ShortTermMemory.FromText("Mara keeps the light. Tobin is missing. Vell landed.");
        MemoryUpdate update = MemoryUpdate.Edit([new MemoryDrop(2, "Found."), new MemoryDrop(2, "Found.")], []);

        Assert.Empty(memory.Check(update));
        Assert.Equal(["Mara keeps the light.", "Vell landed."], memory.Apply(update).Sentences);
    }

    [Fact]
    public void Applying_an_update_that_names_a_missing_sentence_throws_instead_of_guessing()
    {
        var memory = ShortTermMemory.FromText("Mara keeps the light. Tobin is missing.");
        MemoryUpdate update = MemoryUpdate.Edit([new MemoryDrop(3, "Out of date.")], []);

        var error = Assert.Throws<InvalidOperationException>(() => memory.Apply(update));
        Assert.Equal("The memory update does not apply: memory_drop names sentence 3, but the memory has 2 sentences", error.Message);
    }

    // 4 + 3 + 5 + 8 = 20 words; the oldest sentences go first.
    [Theory]
    [InlineData(20, new[] { "Mara keeps the light.", "Tobin is missing.", "Vell landed in the cove.", "The note said not to light the lamp." })]
    [InlineData(16, new[] { "Tobin is missing.", "Vell landed in the cove.", "The note said not to light the lamp." })]
    [InlineData(15, new[] { "Vell landed in the cove.", "The note said not to light the lamp." })]
    [InlineData(13, new[] { "Vell landed in the cove.", "The note said not to light the lamp." })]
    [InlineData(12, new[] { "The note said not to light the lamp." })]
    public void Trimming_english_memory_drops_the_oldest_sentences_until_it_fits(int cap, string[] expected)
    {
        var memory = ShortTermMemory.FromText("Mara keeps the light. Tobin is missing. Vell landed in the cove. The note said not to light the lamp.");
        Assert.Equal(20, memory.Units);

        ShortTermMemory trimmed = memory.TrimOldestTo(cap);

        Assert.Equal(expected, trimmed.Sentences);
        Assert.True(trimmed.Units <= cap, $"{trimmed.Units} units is over the cap of {cap}");
    }

    // 6 + 5 + 8 + 6 = 25 characters; punctuation does not count.
    [Theory]
    [InlineData(25, new[] { "林舟回到雾港。", "哥哥失踪了。", "老周答应载她出海。", "灯塔三天没亮。" })]
    [InlineData(20, new[] { "哥哥失踪了。", "老周答应载她出海。", "灯塔三天没亮。" })]
    [InlineData(14, new[] { "老周答应载她出海。", "灯塔三天没亮。" })]
    [InlineData(13, new[] { "灯塔三天没亮。" })]
    public void Trimming_chinese_memory_drops_the_oldest_sentences_until_it_fits(int cap, string[] expected)
    {
        var memory = ShortTermMemory.FromText("林舟回到雾港。哥哥失踪了。老周答应载她出海。灯塔三天没亮。");
        Assert.Equal(25, memory.Units);

        ShortTermMemory trimmed = memory.TrimOldestTo(cap);

        Assert.Equal(expected, trimmed.Sentences);
        Assert.True(trimmed.Units <= cap, $"{trimmed.Units} units is over the cap of {cap}");
    }

    [Fact]
    public void Trimming_one_huge_english_sentence_cuts_it_to_the_cap()
    {
        var memory = ShortTermMemory.FromText(
            "Tobin is missing. Captain Vell, who had run salt and brandy past the Gull Point light for twenty years, swore he would see it dark before the spring tide.");

        ShortTermMemory trimmed = memory.TrimOldestTo(10);

        Assert.Equal(["Captain Vell, who had run salt and brandy past the"], trimmed.Sentences);
        Assert.Equal(10, trimmed.Units);
    }

    [Fact]
    public void Trimming_one_huge_chinese_sentence_cuts_it_to_the_cap()
    {
        var memory = ShortTermMemory.FromText("老周说他年轻的时候跟着林岩的父亲跑过二十年的船，从来没见过灯塔连着三天不亮。");

        ShortTermMemory trimmed = memory.TrimOldestTo(10);

        Assert.Equal(["老周说他年轻的时候跟"], trimmed.Sentences);
        Assert.Equal(10, trimmed.Units);
    }
}
