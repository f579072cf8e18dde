using Microsoft.Extensions.Logging;

namespace RecurrentGpt.Local.Runtime;

/// <summary>One log line of the local runtime, as it was written.</summary>
public sealed record RuntimeLogEntry(
    DateTimeOffset Time, LogLevel Level, string Category, EventId EventId, string Message, string? Exception)
{
    public override string ToString() =>
        $"{Time:HH:mm:ss.fff} {Level} {Category}[{EventId.Id}] {Message}{(Exception is null ? string.Empty : Environment.NewLine + Exception)}";
}
