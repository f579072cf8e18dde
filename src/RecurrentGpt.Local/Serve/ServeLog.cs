using System.Globalization;
using Microsoft.Extensions.Logging;

namespace RecurrentGpt.Local.Serve;

/// <summary>
/// Where rgpt serve's warnings and errors go: the console's error stream (stdout stays rgpt's own lines, which people and
/// scripts read) and the day's <see cref="ServeLogFile"/>, each entry with its category and, for a failure, the exception.
/// Nothing below <see cref="MinimumLevel"/> is written.
/// </summary>
internal sealed class ServeLog(TextWriter console, ServeLogFile file, TimeProvider time) : ILoggerProvider
{
    public const LogLevel MinimumLevel = LogLevel.Warning;

    private readonly Lock _gate = new();
    private bool _fileFailed;

    public string FileFolder => file.Folder;

    public ILogger CreateLogger(string categoryName) => new CategoryLogger(this, categoryName);

    public void Dispose() => file.Dispose();

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        string entry = $"{Label(level)}: {category}: {message}" + (exception is null ? string.Empty : Environment.NewLine + exception);
        string stamped = time.GetLocalNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture) + " " + entry;
        lock (_gate)
        {
            console.WriteLine(entry);
            console.Flush();
            if (_fileFailed)
            {
                return;
            }

            try
            {
                file.Append(stamped);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A full disk or a read-only data folder must not fail the request being logged: say so once, keep the console.
                _fileFailed = true;
                console.WriteLine($"warn: rgpt serve cannot write its log under {file.Folder} ({ex.Message}); warnings and errors go to this console only");
            }
        }
    }

    private static string Label(LogLevel level) => level switch
    {
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => level.ToString().ToLowerInvariant(),
    };

    private sealed class CategoryLogger(ServeLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= MinimumLevel && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
