using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Parsing;

namespace RecurrentGpt.Core.Tests.Parsing;

public class SmokeTests
{
    [Fact]
    public void Markdown_marker_step_parses()
    {
        const string raw = """
            Sure! Here is the next part.

            **Paragraph:** Mara crossed the bridge at dusk.
            She did not look back.

            **Summary:** Mara leaves the city.
            **Memory drop:**
            - 2: no longer relevant
            **Memory add:**
            - Mara has left the city (reason: she crossed the bridge)
            **Plan 1:** Mara meets a stranger.
            **Plan 2:** Mara is followed.
            **Plan 3:** Mara returns.

            Hope this helps!
            """;
        var memory = ShortTermMemory.FromText("Mara lives in the city. She hates the bridge. Her brother is missing.");
        var result = OutputParsers.ParseStep(raw, memory, MemoryMode.Edit, recommend: false);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("Mara crossed the bridge at dusk.\nShe did not look back.", result.Value!.Paragraph);
        Assert.Equal(["Mara meets a stranger.", "Mara is followed.", "Mara returns."], result.Value.Plans);
        Assert.Equal(2, result.Value.MemoryUpdate.Drops.Single().Sentence);
        Assert.Equal("Mara has left the city", result.Value.MemoryUpdate.Additions.Single().Text);
        Assert.Equal("she crossed the bridge", result.Value.MemoryUpdate.Additions.Single().Reason);
    }

    [Fact]
    public void Json_step_with_four_plans_keeps_the_first_three()
    {
        const string raw = """
            ```json
            {"paragraph": "p", "summary": "s", "memory_drop": [], "memory_add": [], "plans": ["a","b","c","d"]}
            ```
            """;
        var result = OutputParsers.ParseStep(raw, ShortTermMemory.Empty, MemoryMode.Edit, recommend: false);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["a", "b", "c"], result.Value!.Plans);
        Assert.Equal(["the JSON object was inside a code fence; read inside it", "4 plans returned; kept the first 3"], result.Normalisations);
    }

    [Fact]
    public void Chinese_markers_parse()
    {
        const string raw = "标题：雾港\r\n大纲：林舟寻找失踪的哥哥。\r\n段落1：雾很浓。\r\n段落2：船没有来。\r\n短期记忆：林舟在雾港。\r\n计划一：林舟去码头。\r\n计划二：林舟找警察。\r\n计划三：林舟等待。";
        var result = OutputParsers.ParseOpening(raw);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("雾港", result.Value!.Title);
        Assert.Equal(["雾很浓。", "船没有来。"], result.Value.Paragraphs);
        Assert.Equal("林舟等待。", result.Value.Plans[2]);
    }
}
