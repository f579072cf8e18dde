using RecurrentGpt.Core.Parsing;

namespace RecurrentGpt.Core.Tests.Parsing;

public class CompressionParserTests
{
    private const string Memory =
        "Mara Quill keeps the Gull Point light for her sick father. Tobin sailed with Captain Vell and is missing. Vell landed in the cove and wants the light dark for three nights.";

    private const string ZhMemory = "林舟在雾港寻找失踪的哥哥林岩。她在老周的船舱里找到林岩的灰围巾。无人岛上有人打信号，老周在隐瞒什么。";

    [Fact]
    public void Compressed_memory_json_is_read()
    {
        const string raw = """
            {"memory": "Mara Quill keeps the Gull Point light for her sick father. Tobin sailed with Captain Vell and is missing. Vell landed in the cove and wants the light dark for three nights."}
            """;

        Assert.Equal(Memory, ParseAssert.Succeeds(OutputParsers.ParseCompressedMemory(raw)));
    }

    [Fact]
    public void Chinese_compressed_memory_json_between_prose_is_read()
    {
        const string raw = """
            好的，这是压缩后的记忆：

            {"memory": "林舟在雾港寻找失踪的哥哥林岩。她在老周的船舱里找到林岩的灰围巾。无人岛上有人打信号，老周在隐瞒什么。"}

            我保留了所有人名和尚未解决的线索。
            """;

        Assert.Equal(ZhMemory, ParseAssert.Succeeds(OutputParsers.ParseCompressedMemory(raw)));
    }

    [Fact]
    public void Compressed_memory_json_wrapped_in_an_object_named_after_the_schema_is_read()
    {
        const string raw = """
            {"memory_compression": {"memory": "Mara Quill keeps the Gull Point light for her sick father. Tobin sailed with Captain Vell and is missing. Vell landed in the cove and wants the light dark for three nights."}}
            """;

        Assert.Equal(Memory, ParseAssert.Succeeds(OutputParsers.ParseCompressedMemory(raw)));
    }

    [Fact]
    public void Compressed_memory_in_a_bold_marker_over_several_lines_is_read()
    {
        const string raw = """
            **Memory:**
            Mara Quill keeps the Gull Point light for her sick father.
            Tobin sailed with Captain Vell and is missing.
            """;

        Assert.Equal(
            "Mara Quill keeps the Gull Point light for her sick father.\nTobin sailed with Captain Vell and is missing.",
            ParseAssert.Succeeds(OutputParsers.ParseCompressedMemory(raw)));
    }

    [Fact]
    public void Compressed_memory_in_an_italic_marker_is_read()
    {
        const string raw = "*Updated memory:* Mara Quill keeps the Gull Point light for her sick father. Tobin sailed with Captain Vell and is missing.";

        Assert.Equal(
            "Mara Quill keeps the Gull Point light for her sick father. Tobin sailed with Captain Vell and is missing.",
            ParseAssert.Succeeds(OutputParsers.ParseCompressedMemory(raw)));
    }

    [Fact]
    public void Chinese_compressed_memory_marker_with_crlf_is_read()
    {
        string raw = "短期记忆：林舟在雾港寻找失踪的哥哥林岩。她在老周的船舱里找到林岩的灰围巾。\r\n无人岛上有人打信号，老周在隐瞒什么。\r\n";

        Assert.Equal(
            "林舟在雾港寻找失踪的哥哥林岩。她在老周的船舱里找到林岩的灰围巾。\n无人岛上有人打信号，老周在隐瞒什么。",
            ParseAssert.Succeeds(OutputParsers.ParseCompressedMemory(raw)));
    }

    [Fact]
    public void Compressed_memory_json_with_empty_memory_is_rejected()
    {
        ParseAssert.FailsWith(OutputParsers.ParseCompressedMemory("""{"memory": "  "}"""), "empty section: memory");
    }

    [Fact]
    public void Chinese_compressed_memory_json_cut_off_mid_string_is_rejected_as_unclosed()
    {
        const string raw = """
            ```json
            {"memory": "林舟在雾港寻找失踪的哥哥林岩。她在老周的船舱里找到
            """;

        ParseAssert.FailsWith(OutputParsers.ParseCompressedMemory(raw), "the output ends before its JSON object is closed");
    }

    [Fact]
    public void Compressed_memory_json_repeating_the_memory_key_is_rejected_as_duplicate()
    {
        const string raw = """
            {"memory": "Mara Quill keeps the Gull Point light for her sick father.", "memory": "Tobin sailed with Captain Vell and is missing."}
            """;

        ParseAssert.FailsWith(OutputParsers.ParseCompressedMemory(raw), "duplicate section: memory");
    }

    [Fact]
    public void Compressed_memory_json_with_another_key_is_rejected_naming_the_json_problem()
    {
        const string raw = """
            {"summary": "Mara Quill keeps the Gull Point light for her sick father. Tobin sailed with Captain Vell and is missing."}
            """;

        ParseAssert.FailsWith(OutputParsers.ParseCompressedMemory(raw), "the JSON object has none of the expected sections");
    }

    [Fact]
    public void Chinese_compression_prose_without_any_section_is_rejected()
    {
        const string raw = "好的，我已经把记忆压缩到上限以内，保留了所有人名和尚未解决的线索。";

        ParseAssert.FailsWith(OutputParsers.ParseCompressedMemory(raw), "no sections found: expected a JSON object or marked sections");
    }
}
