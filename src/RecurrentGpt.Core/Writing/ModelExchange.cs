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
