using System.Text.Json;
using System.Text.Json.Serialization;
using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;

namespace RecurrentGpt.Core.Tests.Writing;

public class RecurrentWriterNormalisationTests
{
    private static readonly Premise SaltRoad = new("maritime mystery", "a lighthouse keeper's daughter", null, StoryLanguage.English);

    private static readonly ShortTermMemory SaltRoadMemory = ShortTermMemory.FromText(
        "Mara Quill keeps the Gull Point light while her father is ill. Her brother Tobin has been gone for three days. A note in Tobin's hand asks her not to light the lamp tonight.");

    private static StepRequest Step(ShortTermMemory memory) =>
        new(SaltRoad, "The Salt Road", "Mara looks for her brother Tobin.", 1, "The fog came in.", memory, [], "Mara leaves the lamp dark.");

    private const string DuplicateDropAnswer = """
        {"paragraph": "Mara did not light the lamp. She watched the cove.", "summary": "Mara keeps the light dark.",
         "memory_drop": [{"sentence": 1, "reason": "Her father sleeps."}, {"sentence": 1, "reason": "Her father sleeps."}],
         "memory_add": [{"text": "Vell landed in the cove.", "reason": "New threat."}],
         "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
        """;

    [Fact]
    public async Task A_step_answer_dropping_a_sentence_twice_costs_one_call_and_its_exchange_lists_the_normalisation()
    {
        var chat = new ScriptedChatClient(DuplicateDropAnswer);
        var writer = new RecurrentWriter(chat, WriterSettings.Default);

        WriterResult<StepOutcome> result = await writer.WriteStepAsync(Step(SaltRoadMemory), recommend: false, CancellationToken.None);

        Assert.Single(chat.Requests);
        ModelExchange exchange = Assert.Single(result.Exchanges);
        Assert.Null(exchange.ParseError);
        Assert.Equal(["memory_drop named sentence 1 twice; kept once"], exchange.Normalisations);
        Assert.Equal(
            ["Her brother Tobin has been gone for three days.", "A note in Tobin's hand asks her not to light the lamp tonight.", "Vell landed in the cove."],
            result.Value.Memory.Sentences);
    }

    [Fact]
    public async Task An_opening_with_four_plans_costs_one_call_and_its_exchange_lists_the_normalisation()
    {
        var chat = new ScriptedChatClient("""
            ```json
            {"title": "The Salt Road", "outline": "Mara Quill follows the salt road to find her brother Tobin.",
             "paragraphs": ["The fog came in before supper.", "Halfway up she found a note."],
             "memory": "Mara Quill keeps the Gull Point light. Her brother Tobin is missing.",
             "plans": ["Mara lights the lamp.", "Mara goes to the cove.", "Mara wakes her father.", "Mara burns the note."]}
            ```
            """);
        var writer = new RecurrentWriter(chat, WriterSettings.Default);

        WriterResult<OpeningOutcome> result = await writer.OpenAsync(SaltRoad, CancellationToken.None);

        Assert.Single(chat.Requests);
        Assert.Equal(["Mara lights the lamp.", "Mara goes to the cove.", "Mara wakes her father."], result.Value.Opening.Plans);
        Assert.Equal(
            ["the JSON object was inside a code fence; read inside it", "4 plans returned; kept the first 3"],
            Assert.Single(result.Exchanges).Normalisations);
    }

    [Fact]
    public async Task An_answer_missing_its_paragraph_still_gets_one_repair_and_each_exchange_keeps_its_own_record()
    {
        var chat = new ScriptedChatClient(
            """{"summary": "Mara keeps the light dark.", "memory_drop": [], "memory_add": [], "plans": ["a.", "b.", "c."]}""",
            DuplicateDropAnswer);
        var writer = new RecurrentWriter(chat, WriterSettings.Default);

        WriterResult<StepOutcome> result = await writer.WriteStepAsync(Step(SaltRoadMemory), recommend: false, CancellationToken.None);

        Assert.Equal(2, chat.Requests.Count);
        Assert.Equal("missing section: paragraph", result.Exchanges[0].ParseError);
        Assert.Empty(result.Exchanges[0].Normalisations);
        Assert.Null(result.Exchanges[1].ParseError);
        Assert.Equal(["memory_drop named sentence 1 twice; kept once"], result.Exchanges[1].Normalisations);
    }

    [Fact]
    public async Task A_compression_answer_in_a_fence_is_used_and_its_exchange_lists_the_normalisation()
    {
        // The addition pushes the memory over a 50-unit cap, so the writer asks for a compression.
        string longAddition = string.Join(" ", Enumerable.Repeat("Vell's men searched every boat in the harbour.", 8));
        string answer = $$"""
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.", "memory_drop": [],
             "memory_add": [{"text": "{{longAddition}}", "reason": "Vell is searching."}],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """;
        var chat = new ScriptedChatClient(answer, """
            ```json
            {"memory": "Mara keeps the light. Tobin is missing. Vell's men search the harbour."}
            ```
            """);
        var writer = new RecurrentWriter(chat, WriterSettings.Default with { MemoryCapUnits = 50 });

        WriterResult<StepOutcome> result = await writer.WriteStepAsync(Step(SaltRoadMemory), recommend: false, CancellationToken.None);

        Assert.Equal(MemoryBounding.Compressed, result.Value.Bounding);
        Assert.Equal(["the JSON object was inside a code fence; read inside it"], result.Exchanges[1].Normalisations);
    }

    [Fact]
    public async Task A_memory_addition_of_one_ten_thousand_character_word_is_held_under_the_cap()
    {
        string word = new('x', 10_000);
        string answer = $$"""
            {"paragraph": "Mara did not light the lamp.", "summary": "Mara keeps the light dark.", "memory_drop": [],
             "memory_add": [{"text": "{{word}}", "reason": "Noise."}],
             "plans": ["Vell climbs the steps.", "Mara slips down to the cove.", "Mara's father wakes."]}
            """;

        // The compression answer is no better, so the writer trims.
        var chat = new ScriptedChatClient(answer, $$"""{"memory": "{{word}}"}""");
        var writer = new RecurrentWriter(chat, WriterSettings.Default);

        WriterResult<StepOutcome> result = await writer.WriteStepAsync(Step(SaltRoadMemory), recommend: false, CancellationToken.None);

        Assert.Equal(2, chat.Requests.Count);
        Assert.Equal(MemoryBounding.Trimmed, result.Value.Bounding);
        Assert.InRange(result.Value.Memory.Units, 1, WriterSettings.Default.MemoryCapUnits);
        Assert.True(result.Value.Memory.Text.Length < 10_000, $"{result.Value.Memory.Text.Length} characters kept");
    }

    [Fact]
    public void An_exchange_keeps_its_normalisations_through_json_and_old_records_without_them_still_read()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        var exchange = new ModelExchange("story_step", 0, "{}", null, 10, 5, "m") { Normalisations = ["5 plans returned; kept the first 3"] };

        string json = JsonSerializer.Serialize(exchange, options);
        ModelExchange? back = JsonSerializer.Deserialize<ModelExchange>(json, options);
        ModelExchange? old = JsonSerializer.Deserialize<ModelExchange>(
            """{"purpose":"story_step","attempt":0,"rawOutput":"{}","parseError":null,"inputTokens":10,"outputTokens":5,"modelId":"m"}""", options);
        ModelExchange? nulled = JsonSerializer.Deserialize<ModelExchange>(
            """{"purpose":"story_step","attempt":0,"rawOutput":"{}","inputTokens":10,"outputTokens":5,"normalisations":null}""", options);

        Assert.Contains("\"normalisations\":[\"5 plans returned; kept the first 3\"]", json, StringComparison.Ordinal);
        Assert.Equal(["5 plans returned; kept the first 3"], back!.Normalisations);
        Assert.Empty(old!.Normalisations);
        Assert.Equal("story_step", old.Purpose);
        Assert.Empty(nulled!.Normalisations);
    }

    [Fact]
    public async Task A_step_record_shows_the_normalisations_of_its_exchanges_after_a_round_trip()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        var writer = new RecurrentWriter(new ScriptedChatClient(DuplicateDropAnswer), WriterSettings.Default);
        StepRequest request = Step(SaltRoadMemory);
        WriterResult<StepOutcome> result = await writer.WriteStepAsync(request, recommend: false, CancellationToken.None);
        var record = new StepRecord("s1", 1, request, result.Exchanges, result.Value.Draft, result.Value.Memory.Text, result.Value.Bounding, DateTimeOffset.UnixEpoch);

        StepRecord? back = JsonSerializer.Deserialize<StepRecord>(JsonSerializer.Serialize(record, options), options);

        Assert.Equal(["memory_drop named sentence 1 twice; kept once"], Assert.Single(back!.Exchanges).Normalisations);
    }
}
