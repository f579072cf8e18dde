namespace RecurrentGpt.TestSupport;

/// <summary>How many answers <see cref="FaultyReplies"/> gave clean and how many it faulted, by kind: a snapshot.</summary>
public sealed class FaultCounts
{
    internal FaultCounts(IEnumerable<FaultDecision> decisions)
    {
        var byKind = new SortedDictionary<FaultKind, int>();
        foreach (FaultDecision decision in decisions)
        {
            if (decision.Fault is FaultKind kind)
            {
                byKind[kind] = byKind.GetValueOrDefault(kind) + 1;
            }
            else
            {
                Clean++;
            }
        }

        ByKind = byKind;
        Faulted = byKind.Values.Sum();
    }

    /// <summary>Answers passed on as the inner function gave them (which may itself have been an error).</summary>
    public int Clean { get; }

    public int Faulted { get; }

    public int Total => Clean + Faulted;

    /// <summary>The kinds injected at least once, in enum order, with their counts.</summary>
    public IReadOnlyDictionary<FaultKind, int> ByKind { get; }

    public int this[FaultKind kind] => ByKind.GetValueOrDefault(kind);

    /// <summary>A line for a test's report, e.g. <c>40 answers: 28 clean, 12 faulted (ServerError 3, FourPlans 9)</c>.</summary>
    public override string ToString()
    {
        string kinds = ByKind.Count == 0 ? string.Empty : " (" + string.Join(", ", ByKind.Select(pair => $"{pair.Key} {pair.Value}")) + ")";
        return $"{Total} answers: {Clean} clean, {Faulted} faulted{kinds}";
    }
}
