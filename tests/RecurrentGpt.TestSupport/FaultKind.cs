namespace RecurrentGpt.TestSupport;

/// <summary>One way a chat-completions answer can go wrong, as <see cref="FaultyReplies"/> injects it.</summary>
public enum FaultKind
{
    /// <summary>429 with <c>Retry-After</c> in whole seconds (<see cref="FaultPlan.RetryAfter"/>, rounded up).</summary>
    RateLimited,

    /// <summary>429 with only <c>retry-after-ms</c>, as Azure OpenAI sends it; the SDK alone ignores that header.</summary>
    RateLimitedInMilliseconds,

    /// <summary>500 with an OpenAI-style error body.</summary>
    ServerError,

    /// <summary>503 with an OpenAI-style error body.</summary>
    ServiceUnavailable,

    /// <summary>The headers (announcing the whole length) and half the body are sent, then the connection is aborted.</summary>
    ConnectionCut,

    /// <summary>The well-formed answer, held back for <see cref="FaultPlan.SlowAnswerDelay"/>.</summary>
    SlowerThanTimeout,

    /// <summary>The answer's JSON cut in half, so it does not parse.</summary>
    TruncatedJson,

    /// <summary>The answer's JSON inside a <c>```json</c> Markdown fence.</summary>
    FencedJson,

    /// <summary>The answer's JSON with a sentence of chat before and after it.</summary>
    ProseAroundJson,

    /// <summary>One property of the answer removed (every property of our schemas is required), chosen by the seed.</summary>
    MissingRequiredField,

    /// <summary>Four plans where the schema asks for exactly three.</summary>
    FourPlans,

    /// <summary>The memory (or the first memory addition) repeated past <see cref="FaultPlan.OversizedMemoryUnits"/>.</summary>
    OversizedMemory,

    /// <summary>A 200 completion whose assistant content is the empty string.</summary>
    EmptyContent,

    /// <summary>A sentence number in <c>memory_drop</c> twice.</summary>
    DuplicateDrops,

    /// <summary>A sentence number in <c>memory_drop</c> far past the end of any memory: 999.</summary>
    OutOfRangeDrop,
}

/// <summary>Named sets of <see cref="FaultKind"/>s for <see cref="FaultPlan.Kinds"/>.</summary>
public static class FaultKinds
{
    public static IReadOnlySet<FaultKind> All { get; } = Enum.GetValues<FaultKind>().ToHashSet();

    /// <summary>Faults of the wire: a status, a dropped connection or a late answer. They apply to every request.</summary>
    public static IReadOnlySet<FaultKind> Transport { get; } = new HashSet<FaultKind>
    {
        FaultKind.RateLimited,
        FaultKind.RateLimitedInMilliseconds,
        FaultKind.ServerError,
        FaultKind.ServiceUnavailable,
        FaultKind.ConnectionCut,
        FaultKind.SlowerThanTimeout,
    };

    /// <summary>Faults of a 200 answer's content: made from the well-formed answer, where its shape allows.</summary>
    public static IReadOnlySet<FaultKind> Content { get; } = All.Except(Transport).ToHashSet();

    public static bool IsTransport(this FaultKind kind) => Transport.Contains(kind);
}
