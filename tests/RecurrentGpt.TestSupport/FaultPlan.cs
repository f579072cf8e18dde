namespace RecurrentGpt.TestSupport;

/// <summary>
/// Which requests <see cref="FaultyReplies"/> spoils and how: a share <see cref="Rate"/> of requests, each given one of
/// <see cref="Kinds"/> (weighted by <see cref="Weights"/>), drawn from <see cref="Seed"/> and the request number alone.
/// </summary>
public sealed record FaultPlan
{
    private readonly double _rate;
    private readonly IReadOnlySet<FaultKind> _kinds = FaultKinds.All;
    private readonly IReadOnlyDictionary<FaultKind, double> _weights = new Dictionary<FaultKind, double>();

    public FaultPlan(int seed, double rate)
    {
        Seed = seed;
        Rate = rate;
    }

    public int Seed { get; init; }

    /// <summary>The chance, from 0 to 1, that a request is faulted (when some enabled kind applies to it).</summary>
    public double Rate
    {
        get => _rate;
        init => _rate = value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Rate), value, "A fault rate is from 0 to 1.");
    }

    /// <summary>The kinds that may be injected; every kind unless set. See <see cref="FaultKinds"/> for named sets.</summary>
    public IReadOnlySet<FaultKind> Kinds
    {
        get => _kinds;
        init => _kinds = value ?? throw new ArgumentNullException(nameof(Kinds));
    }

    /// <summary>Relative weights of the kinds when one is picked; a kind not listed weighs 1, one weighing 0 is never picked.</summary>
    public IReadOnlyDictionary<FaultKind, double> Weights
    {
        get => _weights;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Values.Any(weight => !double.IsFinite(weight) || weight < 0))
            {
                throw new ArgumentOutOfRangeException(nameof(Weights), "Fault weights are finite and not negative.");
            }

            _weights = value;
        }
    }

    /// <summary>The wait the 429 faults ask for. Short, so a client that honours it retries quickly.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long <see cref="FaultKind.SlowerThanTimeout"/> holds an answer back. Set it above the network timeout the
    /// test's client has; the default is just above the shortest the client accepts (1 s).
    /// </summary>
    public TimeSpan SlowAnswerDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many units (words, or CJK characters) <see cref="FaultKind.OversizedMemory"/> grows a memory past: five 400-unit caps.</summary>
    public int OversizedMemoryUnits { get; init; } = 2000;

    public double Weight(FaultKind kind) => Weights.TryGetValue(kind, out double weight) ? weight : 1;

    /// <summary>
    /// The fault for request <paramref name="requestNumber"/>, or null for a clean answer. It depends only on the seed,
    /// the number and which kinds <paramref name="applicable"/> says fit the answer, so a rerun decides the same.
    /// </summary>
    public FaultKind? Decide(int requestNumber, IEnumerable<FaultKind> applicable)
    {
        ArgumentNullException.ThrowIfNull(applicable);
        if (SeededDraw.Uniform(Seed, requestNumber, Salt.Faulted) >= Rate)
        {
            return null;
        }

        // Enum order, not the caller's, so the pick cannot depend on how the applicable kinds were listed.
        FaultKind[] candidates = applicable.Where(kind => Kinds.Contains(kind) && Weight(kind) > 0).Distinct().Order().ToArray();
        double total = candidates.Sum(Weight);
        if (total <= 0)
        {
            return null;
        }

        double point = SeededDraw.Uniform(Seed, requestNumber, Salt.Kind) * total;
        foreach (FaultKind kind in candidates)
        {
            point -= Weight(kind);
            if (point < 0)
            {
                return kind;
            }
        }

        return candidates[^1];
    }

    /// <summary>A draw in [0, 1) for a detail of request <paramref name="requestNumber"/>'s fault, e.g. which field goes missing.</summary>
    internal double DrawDetail(int requestNumber) => SeededDraw.Uniform(Seed, requestNumber, Salt.Detail);

    // Separate draws per question, so that the same request's "whether", "which" and "how" are independent.
    private static class Salt
    {
        public const int Faulted = 1;
        public const int Kind = 2;
        public const int Detail = 3;
    }
}
