using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecurrentGpt.Core.Memory;

/// <summary>Stores a memory as its array of sentences, so a step record keeps the numbering the model saw.</summary>
public sealed class ShortTermMemoryJsonConverter : JsonConverter<ShortTermMemory>
{
    public override ShortTermMemory Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return ShortTermMemory.FromText(reader.GetString());
        }

        List<string> sentences = JsonSerializer.Deserialize<List<string>>(ref reader, options) ?? [];
        return ShortTermMemory.FromSentences(sentences);
    }

    public override void Write(Utf8JsonWriter writer, ShortTermMemory value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Sentences, options);
}
