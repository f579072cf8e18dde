namespace RecurrentGpt.Core.Writing;

/// <summary>
/// One request and reply, kept for the step record: what came back, whether it parsed, what the parser tidied to read
/// it, and what it cost. <paramref name="Attempt"/> is 0 for the first request and counts repairs after it.
/// </summary>
public sealed record ModelExchange(
    string Purpose,
    int Attempt,
    string RawOutput,
    string? ParseError,
    long InputTokens,
    long OutputTokens,
    string? ModelId)
{
    /// <summary>
    /// The parse's normalisations ("memory_drop named sentence 1 twice; kept once"); empty when there were none.
    /// Records written before this property existed read back as empty, and so does a stored null.
    /// </summary>
    public IReadOnlyList<string> Normalisations { get; init => field = value ?? []; } = [];
}

/// <summary>Tokens spent, summed over exchanges.</summary>
public sealed record TokenUsage(long InputTokens, long OutputTokens, int Calls)
{
    public static TokenUsage None { get; } = new(0, 0, 0);

    public static TokenUsage Of(IEnumerable<ModelExchange> exchanges)
    {
        long input = 0, output = 0;
        int calls = 0;
        foreach (ModelExchange exchange in exchanges)
        {
            input += exchange.InputTokens;
            output += exchange.OutputTokens;
            calls++;
        }

        return new TokenUsage(input, output, calls);
    }

    public TokenUsage Add(TokenUsage other) => new(InputTokens + other.InputTokens, OutputTokens + other.OutputTokens, Calls + other.Calls);
}

/// <summary>A parsed result with every exchange that produced it.</summary>
public sealed record WriterResult<T>(T Value, IReadOnlyList<ModelExchange> Exchanges)
{
    public TokenUsage Usage => TokenUsage.Of(Exchanges);
}
