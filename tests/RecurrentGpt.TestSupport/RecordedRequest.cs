using System.Text.Json;

namespace RecurrentGpt.TestSupport;

/// <summary>
/// A request as the <see cref="ChatCompletionsServer"/> received it. <see cref="ArrivedAfterStart"/> is measured on a
/// monotonic clock, so intervals between requests are exact even if the wall clock moves.
/// </summary>
public sealed record RecordedRequest(
    int Number,
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ArrivedAt,
    TimeSpan ArrivedAfterStart)
{
    /// <summary>A query value by name, unescaped; null when absent.</summary>
    public string? Query(string name)
    {
        foreach (string pair in QueryString.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                return equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }

    /// <summary>A header value by name (case-insensitive); several values are joined by ", ". Null when absent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    /// <summary>The body parsed as JSON.</summary>
    public JsonElement Json
    {
        get
        {
            using JsonDocument document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
    }

    /// <summary>The chat messages of the body as (role, text) pairs; content parts are joined.</summary>
    public IReadOnlyList<(string Role, string Text)> Messages()
    {
        var messages = new List<(string, string)>();
        foreach (JsonElement message in Json.GetProperty("messages").EnumerateArray())
        {
            string role = message.GetProperty("role").GetString() ?? string.Empty;
            JsonElement content = message.GetProperty("content");
            string text = content.ValueKind == JsonValueKind.Array
                ? string.Concat(content.EnumerateArray().Select(part => part.TryGetProperty("text", out JsonElement t) ? t.GetString() : null))
                : content.GetString() ?? string.Empty;
            messages.Add((role, text));
        }

        return messages;
    }
}
