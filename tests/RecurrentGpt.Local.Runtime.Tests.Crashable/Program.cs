using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RecurrentGpt.Local.Runtime;
using RecurrentGpt.Local.Runtime.Tests.Crashable;

// Usage: <storage connection string> <task hub> <instance id> <generations>
// Starts the local runtime, schedules a ring loop, waits until it waits for its first bell, prints "READY", then idles
// until killed. Stdout is for the parent test; everything else goes to stderr.
if (args.Length != 4 || !int.TryParse(args[3], out int generations))
{
    Console.Error.WriteLine("usage: <connection string> <task hub> <instance id> <generations>");
    return 2;
}

using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
var options = new LocalRuntimeOptions { StorageConnectionString = args[0], TaskHubName = args[1] };
var clock = System.Diagnostics.Stopwatch.StartNew();
LocalDurableRuntime runtime = await LocalDurableRuntime.StartAsync(options, RingLoop.Register, null, deadline.Token);
long startMs = clock.ElapsedMilliseconds;

await runtime.Client.ScheduleNewOrchestrationInstanceAsync(
    RingLoop.Orchestration, new RingCursor(0, generations, string.Empty), new StartOrchestrationOptions(args[2]), deadline.Token);

string waiting = RingLoop.WaitingStatus(0);
while (true)
{
    OrchestrationMetadata? instance = await runtime.Client.GetInstanceAsync(args[2], getInputsAndOutputs: true, deadline.Token);
    if (instance is { RuntimeStatus: OrchestrationRuntimeStatus.Running, SerializedCustomStatus: not null } && instance.ReadCustomStatusAs<string>() == waiting)
    {
        break;
    }

    await Task.Delay(20, deadline.Token);
}

Console.WriteLine($"READY pid {Environment.ProcessId}: runtime started in {startMs} ms, first generation waiting after {clock.ElapsedMilliseconds} ms");
await Console.Out.FlushAsync(deadline.Token);

// Never disposes the runtime: the parent kills this process with SIGKILL, as a crash or a power cut would.
await Task.Delay(Timeout.Infinite, CancellationToken.None);
return 0;
