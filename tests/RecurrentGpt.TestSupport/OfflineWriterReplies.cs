using System.Text.Json;
using Microsoft.Extensions.AI;
using RecurrentGpt.Infrastructure.Offline;

namespace RecurrentGpt.TestSupport;

/// <summary>
/// Answers a chat-completions request the way the offline writer would answer the same messages, so a test can run whole
/// stories through the real HTTP client code and still script failures at the wire.
/// </summary>
public static class OfflineWriterReplies
{
    private static readonly OfflineWriter Writer = new();

    /// <summary>Step calls fail with a 500 saying <paramref name="message"/> while <paramref name="failing"/> holds; every other call is answered.</summary>
    public static Func<RecordedRequest, ScriptedReply> StepCallsFailWhile(Func<bool> failing, string message) =>
        request => failing() && IsStepCall(request) ? ScriptedReply.Error(500, message) : Answer(request);

    /// <summary>Step calls are answered after <paramref name="delay"/>, so a story stays "writing" that long; others at once.</summary>
    public static Func<RecordedRequest, ScriptedReply> SlowSteps(TimeSpan delay) =>
        request => IsStepCall(request) ? Answer(request) with { Delay = delay } : Answer(request);

    public static bool IsStepCall(RecordedRequest request) => request.Body.Contains("\"story_step\"", StringComparison.Ordinal);

    public static ScriptedReply Answer(RecordedRequest request)
    {
        JsonElement body = request.Json;
        var messages = new List<ChatMessage>();
        foreach (JsonElement message in body.GetProperty("messages").EnumerateArray())
        {
            var role = new ChatRole(message.GetProperty("role").GetString() ?? "user");
            messages.Add(new ChatMessage(role, Text(message.GetProperty("content"))));
        }

        string? schemaName = body.TryGetProperty("response_format", out JsonElement format)
            && format.TryGetProperty("json_schema", out JsonElement schema)
            && schema.TryGetProperty("name", out JsonElement name) ? name.GetString() : null;
        var options = new ChatOptions
        {
            ResponseFormat = schemaName is null ? null : ChatResponseFormat.ForJsonSchema(JsonDocument.Parse("{}").RootElement, schemaName),
        };
        ChatResponse response = Writer.GetResponseAsync(messages, options).GetAwaiter().GetResult();
        return ScriptedReply.Completion(response.Text, (int)(response.Usage?.InputTokenCount ?? 0), (int)(response.Usage?.OutputTokenCount ?? 0));
    }

    // Content comes as a string or as an array of typed parts.
    private static string Text(JsonElement content) => content.ValueKind == JsonValueKind.String
        ? content.GetString() ?? string.Empty
        : string.Concat(content.EnumerateArray().Select(part => part.TryGetProperty("text", out JsonElement text) ? text.GetString() : string.Empty));
}
