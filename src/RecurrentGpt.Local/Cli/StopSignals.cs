namespace RecurrentGpt.Local.Cli;

/// <summary>
/// Ctrl-C and SIGTERM as rgpt reads them. The first Ctrl-C pauses the story (or stops <c>rgpt serve</c>), letting a model
/// call in flight finish so it is not paid for twice; a second one stops waiting for that call (it is made again on
/// resume), and otherwise, or a third time, ends the process at once. SIGTERM, from a service manager or <c>kill</c>,
/// pauses without waiting for the call.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _pause = new();
    private readonly CancellationTokenSource _now = new();
    private int _interrupts;
    private volatile bool _waitingForCallInFlight;

    /// <summary>Cancelled by the first Ctrl-C or a SIGTERM: pause the story.</summary>
    public CancellationToken Pause => _pause.Token;

    /// <summary>Cancelled by a second Ctrl-C or a SIGTERM: wait for nothing more before pausing.</summary>
    public CancellationToken Now => _now.Token;

    /// <summary>A Ctrl-C: true while rgpt still handles it, false when the process should end at once.</summary>
    public bool Interrupt()
    {
        int interrupts = Interlocked.Increment(ref _interrupts);
        if (interrupts == 1)
        {
            _pause.Cancel();
            return true;
        }

        bool stillWaiting = interrupts == 2 && _waitingForCallInFlight;
        _now.Cancel();
        return stillWaiting;
    }

    /// <summary>Marks the wait for a model call in flight, which a second Ctrl-C ends (and which needs the process still up).</summary>
    public IDisposable WaitingForCallInFlight()
    {
        _waitingForCallInFlight = true;
        return new EndOfWait(this);
    }

    public void Terminate()
    {
        _now.Cancel();
        _pause.Cancel();
    }

    public void Dispose()
    {
        _pause.Dispose();
        _now.Dispose();
    }

    private sealed class EndOfWait(StopSignals signals) : IDisposable
    {
        public void Dispose() => signals._waitingForCallInFlight = false;
    }
}
