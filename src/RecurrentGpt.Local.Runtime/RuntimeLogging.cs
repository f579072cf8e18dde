using Microsoft.Extensions.Logging;

namespace RecurrentGpt.Local.Runtime;

/// <summary>One logger factory for the engine, the sidecar and the worker, with the levels of <c>host.json</c>.</summary>
internal static class RuntimeLogging
{
    public static ILoggerFactory CreateFactory(RuntimeLog log, ILoggerFactory? forwardTo) =>
        LoggerFactory.Create(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Information);

            // The engine narrates every queue poll and message at Information: too much to keep, and host.json agrees.
            logging.AddFilter("DurableTask.AzureStorage", LogLevel.Warning);
            logging.AddFilter("DurableTask.Core", LogLevel.Warning);
            logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
            logging.AddFilter("Grpc", LogLevel.Warning);
            logging.AddProvider(log);
            if (forwardTo is not null)
            {
                logging.AddProvider(new ForwardingLoggerProvider(forwardTo));
            }
        });
}
