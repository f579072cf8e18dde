using Microsoft.Extensions.Logging;

namespace RecurrentGpt.Local.Runtime;

/// <summary>Hands the runtime's log lines to the caller's logger factory as well, keeping their categories.</summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

    // The caller owns the target factory.
    public void Dispose()
    {
    }
}
