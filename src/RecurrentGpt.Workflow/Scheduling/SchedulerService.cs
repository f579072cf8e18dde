using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RecurrentGpt.Workflow.Scheduling;

/// <summary>The sweep as a background service, for hosts without a timer trigger (rgpt).</summary>
public sealed partial class SchedulerService(SchedulerSweep sweep, IOptions<WorkflowOptions> options, TimeProvider time, ILogger<SchedulerService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sweep.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failed sweep (storage hiccup) must not stop the next: everything due is still in the index.
                LogSweepFailed(ex.Message);
            }

            try
            {
                await Task.Delay(options.Value.SweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduler sweep failed: {Reason}")]
    private partial void LogSweepFailed(string reason);
}
