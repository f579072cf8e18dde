using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RecurrentGpt.Local.Runtime;

/// <summary>
/// The runtime's recent log lines in memory, bounded (oldest dropped first), so a test or a status page can read
/// what the engine said. Out-of-order warnings are also counted separately, so dropping old lines never hides them.
/// </summary>
public sealed class RuntimeLog : ILoggerProvider
{
    private readonly ConcurrentQueue<RuntimeLogEntry> _entries = new();
    private readonly int _capacity;
    private int _outOfOrderMessageCount;

    public RuntimeLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>Out-of-order message warnings logged since the runtime started, including dropped lines.</summary>
    public int OutOfOrderMessageCount => Volatile.Read(ref _outOfOrderMessageCount);

    /// <summary>A snapshot of the kept lines, oldest first.</summary>
    public IReadOnlyList<RuntimeLogEntry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new CategoryLogger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(RuntimeLogEntry entry)
    {
        if (OutOfOrderMessages.IsOutOfOrderWarning(entry))
        {
            Interlocked.Increment(ref _outOfOrderMessageCount);
        }

        _entries.Enqueue(entry);
        while (_entries.Count > _capacity && _entries.TryDequeue(out _))
        {
        }
    }

    private sealed class CategoryLogger(RuntimeLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            log.Add(new RuntimeLogEntry(DateTimeOffset.UtcNow, logLevel, category, eventId, formatter(state, exception), exception?.ToString()));
        }
    }
}
