using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using RecurrentGpt.Functions.Engine;
using RecurrentGpt.Workflow.Scheduling;

namespace RecurrentGpt.Functions;

/// <summary>
/// The scheduler's periodic sweep. The timer is a singleton across instances (the host holds a lease), so one
/// sweep runs at a time; a failed sweep throws and the next tick finds the same due entries.
/// </summary>
public sealed partial class SchedulerSweepFunction(SchedulerSweep sweep, InvocationDurableClient clients, ILogger<SchedulerSweepFunction> log)
{
    public const string Name = "SchedulerSweep";

    /// <summary>The app setting holding the NCRONTAB schedule (six fields, seconds first: <c>*/10 * * * * *</c>).</summary>
    public const string ScheduleSetting = "Scheduler:Schedule";

    [Function(Name)]
    public async Task RunAsync(
        [TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        clients.Use(client);
        SweepReport report = await sweep.RunOnceAsync(cancellationToken);
        if (report.Due > 0)
        {
            LogSwept(report.Due, report.DoorbellsRung, report.DeadlinesRaised, report.EpisodesRaised, report.Dropped);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep: {Due} due, {DoorbellsRung} doorbells rung, {DeadlinesRaised} deadlines raised, {EpisodesRaised} episodes raised, {Dropped} dropped")]
    private partial void LogSwept(int due, int doorbellsRung, int deadlinesRaised, int episodesRaised, int dropped);
}
