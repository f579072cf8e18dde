using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>How stored JSON (step records, settings and list columns) is written: enums by name, non-Latin text readable.</summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Chinese stories stay readable in the audit trail; HTML-sensitive characters are still escaped.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            Converters = { new JsonStringEnumConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json, string what) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"{what} holds JSON null.");
}
