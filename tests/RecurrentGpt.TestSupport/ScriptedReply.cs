namespace RecurrentGpt.TestSupport;

/// <summary>
/// One answer the <see cref="ChatCompletionsServer"/> gives to one request: a completion, or an error status
/// with optional headers and an OpenAI-style error body. <see cref="Delay"/> holds the answer back, to test timeouts,
/// and <see cref="CutsConnectionMidBody"/> breaks it off.
/// </summary>
public sealed record ScriptedReply
{
    public int StatusCode { get; init; } = 200;

    /// <summary>The assistant message text of a completion; null for an error reply.</summary>
    public string? Content { get; init; }

    public int PromptTokens { get; init; }

    public int CompletionTokens { get; init; }

    /// <summary>The model name the reply claims; when null the request's model (or deployment) is echoed.</summary>
    public string? Model { get; init; }

    public string FinishReason { get; init; } = "stop";

    /// <summary>The message of the JSON error body of an error reply.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>A raw body sent as is instead of the generated one (for malformed or unusual answers).</summary>
    public string? RawBody { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public TimeSpan Delay { get; init; }

    /// <summary>Sends the headers, announcing the whole length, and half the body, then aborts the connection, as a crashing proxy would.</summary>
    public bool CutsConnectionMidBody { get; init; }

    public bool IsCompletion => StatusCode is >= 200 and < 300 && RawBody is null;

    public static ScriptedReply Completion(string content, int promptTokens = 120, int completionTokens = 80) =>
        new() { Content = content, PromptTokens = promptTokens, CompletionTokens = completionTokens };

    public static ScriptedReply Error(int statusCode, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new() { StatusCode = statusCode, ErrorMessage = message, Headers = headers ?? new Dictionary<string, string>() };

    public static ScriptedReply RateLimited(int retryAfterSeconds) =>
        Error(429, "Rate limit reached: retry later.", new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
