using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.DurableTask;

namespace RecurrentGpt.Bench.LocalRuntime;

/// <summary>A chain of activities for one probe run: how many, and which run the stamps belong to.</summary>
public sealed record ChainRequest(string RunId, int Count);

public sealed record Stamp(string RunId, int Index);

/// <summary>
/// Two orchestrations that time the runtime. The chain calls an activity that notes the clock, one after another, so
/// the gap between two notes is one full activity round trip (result → orchestration replay → next activity starts).
/// The doorbell publishes how many rings it heard and waits for the next, so ring → published count is one event step.
/// </summary>
public static class LatencyProbes
{
    public const string Chain = "ProbeChain";
    public const string StampActivity = "ProbeStamp";
    public const string Doorbell = "ProbeDoorbell";
    public const string RingEvent = "Ring";

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<long>> Stamps = new();

    public static void Register(DurableTaskRegistry tasks)
    {
        tasks.AddOrchestratorFunc<ChainRequest, int>(Chain, async (context, request) =>
        {
            ArgumentNullException.ThrowIfNull(request);
            for (int index = 0; index < request.Count; index++)
            {
                await context.CallActivityAsync(StampActivity, new Stamp(request.RunId, index));
            }

            return request.Count;
        });
        tasks.AddActivityFunc<Stamp>(StampActivity, (_, stamp) =>
        {
            ArgumentNullException.ThrowIfNull(stamp);
            Stamps.GetOrAdd(stamp.RunId, _ => new ConcurrentQueue<long>()).Enqueue(Stopwatch.GetTimestamp());
        });
        tasks.AddOrchestratorFunc<int, int>(Doorbell, async (context, rings) =>
        {
            for (int heard = 0; heard < rings; heard++)
            {
                context.SetCustomStatus(heard);
                await context.WaitForExternalEvent<int>(RingEvent);
            }

            context.SetCustomStatus(rings);
            return rings;
        });
    }

    /// <summary>Gaps between consecutive activity runs of one chain.</summary>
    public static IReadOnlyList<TimeSpan> RoundTrips(string runId)
    {
        long[] stamps = Stamps.TryGetValue(runId, out ConcurrentQueue<long>? queue) ? queue.ToArray() : [];
        return stamps.Zip(stamps.Skip(1), (earlier, later) => Stopwatch.GetElapsedTime(earlier, later)).ToArray();
    }
}
