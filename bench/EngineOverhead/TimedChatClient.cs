using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace RecurrentGpt.Bench.EngineOverhead;

/// <summary>
/// The model for the benchmark: the offline writer behind a fixed answer time, with every call's duration recorded so
/// the engine's own time per step is the step's wall time less its model time.
/// </summary>
internal sealed class TimedChatClient(IChatClient inner, TimeSpan answerTime) : DelegatingChatClient(inner)
{
    private long _modelTicks;
    private int _calls;

    public TimeSpan ModelTime => TimeSpan.FromTicks(Interlocked.Read(ref _modelTicks));

    public int Calls => Volatile.Read(ref _calls);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        long start = Stopwatch.GetTimestamp();
        if (answerTime > TimeSpan.Zero)
        {
            await Task.Delay(answerTime, cancellationToken);
        }

        ChatResponse response = await base.GetResponseAsync(messages, options, cancellationToken);
        Interlocked.Add(ref _modelTicks, Stopwatch.GetElapsedTime(start).Ticks);
        Interlocked.Increment(ref _calls);
        return response;
    }
}
