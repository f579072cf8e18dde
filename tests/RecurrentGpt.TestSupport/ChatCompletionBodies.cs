using System.Text;
using System.Text.Json.Nodes;

namespace RecurrentGpt.TestSupport;

/// <summary>Response bodies in the shape the OpenAI chat-completions protocol defines.</summary>
public static class ChatCompletionBodies
{
    public static string Completion(string id, string model, ScriptedReply reply, DateTimeOffset created) =>
        new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion",
            ["created"] = created.ToUnixTimeSeconds(),
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content, ["refusal"] = null },
                ["logprobs"] = null,
                ["finish_reason"] = reply.FinishReason,
            }),
            ["usage"] = Usage(reply),
        }.ToJsonString();

    /// <summary>A streamed completion as server-sent events: the text in one chunk, the finish, the usage, then [DONE].</summary>
    public static string CompletionStream(string id, string model, ScriptedReply reply, DateTimeOffset created)
    {
        var events = new StringBuilder();
        Append(Chunk(new JsonObject { ["role"] = "assistant", ["content"] = reply.Content }, null, includeChoice: true));
        Append(Chunk(new JsonObject(), reply.FinishReason, includeChoice: true));
        JsonObject usageChunk = Chunk(null, null, includeChoice: false);
        usageChunk["usage"] = Usage(reply);
        Append(usageChunk);
        events.Append("data: [DONE]\n\n");
        return events.ToString();

        void Append(JsonObject chunk) => events.Append("data: ").Append(chunk.ToJsonString()).Append("\n\n");

        JsonObject Chunk(JsonObject? delta, string? finishReason, bool includeChoice) => new()
        {
            ["id"] = id,
            ["object"] = "chat.completion.chunk",
            ["created"] = created.ToUnixTimeSeconds(),
            ["model"] = model,
            ["choices"] = includeChoice
                ? new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finishReason })
                : new JsonArray(),
        };
    }

    public static string Error(string message, string type, string? code) =>
        new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = code },
        }.ToJsonString();

    public static string ErrorType(int statusCode) => statusCode switch
    {
        400 => "invalid_request_error",
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        _ => "server_error",
    };

    private static JsonObject Usage(ScriptedReply reply) => new()
    {
        ["prompt_tokens"] = reply.PromptTokens,
        ["completion_tokens"] = reply.CompletionTokens,
        ["total_tokens"] = reply.PromptTokens + reply.CompletionTokens,
    };
}
