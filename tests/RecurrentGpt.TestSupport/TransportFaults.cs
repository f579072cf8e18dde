using System.Globalization;

namespace RecurrentGpt.TestSupport;

/// <summary>Builds the reply for a <see cref="FaultKinds.Transport"/> fault, from the answer it replaces where it keeps one.</summary>
internal static class TransportFaults
{
    public static ScriptedReply Reply(FaultKind kind, ScriptedReply answer, FaultPlan plan, int requestNumber) => kind switch
    {
        FaultKind.RateLimited => ScriptedReply.Error(429, Message("rate limit", requestNumber), Header("Retry-After", Math.Ceiling(plan.RetryAfter.TotalSeconds))),
        FaultKind.RateLimitedInMilliseconds => ScriptedReply.Error(429, Message("rate limit", requestNumber), Header("retry-after-ms", Math.Ceiling(plan.RetryAfter.TotalMilliseconds))),
        FaultKind.ServerError => ScriptedReply.Error(500, Message("server error", requestNumber)),
        FaultKind.ServiceUnavailable => ScriptedReply.Error(503, Message("service unavailable", requestNumber)),
        FaultKind.ConnectionCut => answer with { CutsConnectionMidBody = true },
        FaultKind.SlowerThanTimeout => answer with { Delay = answer.Delay + plan.SlowAnswerDelay },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a transport fault."),
    };

    private static string Message(string what, int requestNumber) =>
        $"FaultyReplies: injected {what} for request #{requestNumber.ToString(CultureInfo.InvariantCulture)}.";

    private static Dictionary<string, string> Header(string name, double value) =>
        new() { [name] = value.ToString(CultureInfo.InvariantCulture) };
}
