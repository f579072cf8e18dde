using System.Globalization;
using RecurrentGpt.Bench.LocalRuntime;
using RecurrentGpt.Local.Runtime.Azurite;

// Times the local durable runtime on a private Azurite: start-up, shutdown, an activity round trip, an event-driven step.
int runs = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= 20 ? n : 3;
string dataFolder = Path.Combine(Path.GetTempPath(), "rgpt-bench-azurite-" + Guid.NewGuid().ToString("N"));
using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10));

await using (AzuriteProcess azurite = await AzuriteProcess.EnsureRunningAsync(
    AzuriteEndpoints.OnFreePorts(), dataFolder, AzuriteInstallation.Default(), deadline.Token))
{
    Console.WriteLine("| run | first start (creates the task hub) | dispose | restart (existing hub) | activity round trip | event → step visible | out-of-order warnings |");
    Console.WriteLine("|---:|---:|---:|---:|---|---|---:|");
    for (int run = 1; run <= runs; run++)
    {
        LocalRuntimeFigures figures = await LocalRuntimeMeasurement.RunAsync(azurite.ConnectionString, roundTrips: 30, rings: 20, deadline.Token);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {run} | {figures.FirstStart.TotalMilliseconds:F0} ms | {figures.Dispose.TotalMilliseconds:F0} ms | {figures.Restart.TotalMilliseconds:F0} ms | {figures.ActivityRoundTrips} | {figures.EventSteps} | {figures.OutOfOrderMessages} |"));
    }
}

Directory.Delete(dataFolder, recursive: true);
Console.WriteLine();
Console.WriteLine("Run 1 includes the process's first JIT of the engine, the sidecar and the worker.");
Console.WriteLine($"Reproduce: dotnet run -c Release --project bench/LocalRuntime -- {runs}");
