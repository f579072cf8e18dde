namespace RecurrentGpt.TestSupport;

/// <summary>
/// The fault mode of the <see cref="ChatCompletionsServer"/>: answers each request as an inner answer function would
/// (usually <see cref="OfflineWriterReplies.Answer"/>), except that a seeded share of them is spoiled, so a test of
/// whole stories can run at a given fault rate and a rerun with the same seed meets the same faults.
/// </summary>
/// <remarks>
/// <para>Enable it where the script would otherwise run dry, and read the counts afterwards:</para>
/// <code>
/// var faults = FaultyReplies.Over(OfflineWriterReplies.Answer, new FaultPlan(seed: 7, rate: 0.3));
/// server.WhenScriptIsEmpty = faults.Answer;
/// // … run the stories …
/// output.WriteLine(faults.Counts.ToString()); // "57 answers: 41 clean, 16 faulted (ServerError 2, FencedJson 3, …)"
/// </code>
/// <para>
/// Whether request number i is faulted, and with which <see cref="FaultKind"/>, depends only on the plan's seed, i and
/// which kinds fit the inner answer: wire faults (<see cref="FaultKinds.Transport"/>) fit every request; content faults
/// (<see cref="FaultKinds.Content"/>) are made by editing the inner answer's JSON and fit only a completion whose shape
/// allows them (a drop fault needs <c>memory_drop</c>). A request none of the enabled kinds fits is answered clean.
/// </para>
/// <para>
/// Numbers are given in order of arrival, so with several stories at once the same faults fall on the same numbers,
/// but which story a number belongs to follows the scheduling. <see cref="Answer"/> is safe to call concurrently.
/// </para>
/// </remarks>
public sealed class FaultyReplies
{
    private readonly Func<RecordedRequest, ScriptedReply> _inner;
    private readonly Lock _gate = new();
    private readonly List<FaultDecision> _decisions = [];

    private FaultyReplies(Func<RecordedRequest, ScriptedReply> inner, FaultPlan plan)
    {
        _inner = inner;
        Plan = plan;
    }

    public FaultPlan Plan { get; }

    /// <summary>Every decision so far, by request number.</summary>
    public IReadOnlyList<FaultDecision> Decisions
    {
        get
        {
            lock (_gate)
            {
                return _decisions.OrderBy(decision => decision.RequestNumber).ToArray();
            }
        }
    }

    /// <summary>Clean answers and faults by kind so far.</summary>
    public FaultCounts Counts
    {
        get
        {
            lock (_gate)
            {
                return new FaultCounts(_decisions);
            }
        }
    }

    /// <summary>Spoils the answers of <paramref name="inner"/> as <paramref name="plan"/> says.</summary>
    public static FaultyReplies Over(Func<RecordedRequest, ScriptedReply> inner, FaultPlan plan)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(plan);
        return new FaultyReplies(inner, plan);
    }

    /// <summary>The reply to <paramref name="request"/>: the inner answer, or that answer spoiled by the plan's fault for it.</summary>
    public ScriptedReply Answer(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ScriptedReply answer = _inner(request);
        FaultKind? fault = Plan.Decide(request.Number, FaultKinds.Transport.Concat(ContentFaults.ApplicableTo(answer)));
        ScriptedReply reply = fault switch
        {
            null => answer,
            FaultKind kind when kind.IsTransport() => TransportFaults.Reply(kind, answer, Plan, request.Number),
            FaultKind kind => answer with { Content = ContentFaults.Apply(kind, answer.Content!, Plan, Plan.DrawDetail(request.Number)) },
        };

        lock (_gate)
        {
            _decisions.Add(new FaultDecision(request.Number, fault));
        }

        return reply;
    }
}
