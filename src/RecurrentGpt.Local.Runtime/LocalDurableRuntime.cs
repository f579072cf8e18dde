using System.Diagnostics;
using DurableTask.AzureStorage;
using Grpc.Net.Client;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RecurrentGpt.Local.Runtime;

/// <summary>
/// A durable runtime for one machine: the Azure Storage engine (on Azurite or a real account) behind the in-process
/// gRPC sidecar, with a worker running the registered orchestrators and activities and a client, in this process.
/// Orchestrations survive the process: a new runtime on the same storage and task hub carries on where the last one
/// stopped or died, at once after a clean stop (the work in hand is handed back) and within the lock times after a kill.
/// Several runtimes may share a task hub: each names itself to the engine (<see cref="TaskHubWorkerName"/>), which shares
/// the partitions among them; a runtime that takes no work (<see cref="LocalRuntimeOptions.ProcessesWork"/>) claims none.
/// </summary>
public sealed partial class LocalDurableRuntime : IAsyncDisposable
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeSpan _shutdownTimeout;
    private AzureStorageOrchestrationService? _engine;
    private Task? _engineStart;
    private ActivityLockKeeper? _activityLocks;
    private SidecarFacingOrchestrationService? _sidecarEngine;
    private TaskHubWorkerName? _workerName;
    private LoopbackSidecar? _sidecar;
    private GrpcChannel? _channel;
    private IHost? _worker;
    private int _disposed;

    private LocalDurableRuntime(LocalRuntimeOptions options, RuntimeLog log, ILoggerFactory loggerFactory)
    {
        TaskHubName = options.TaskHubName;
        Log = log;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<LocalDurableRuntime>();
        _shutdownTimeout = options.ShutdownTimeout;
    }

    /// <summary>Schedules, queries and signals orchestrations on this runtime.</summary>
    public DurableTaskClient Client => Services.GetRequiredService<DurableTaskClient>();

    /// <summary>The worker's services: those added by <c>configureServices</c>, plus the durable worker and client.</summary>
    public IServiceProvider Services => Running(_worker).Services;

    public string TaskHubName { get; }

    /// <summary>Where the gRPC sidecar listens (always a 127.0.0.1 address).</summary>
    public Uri SidecarAddress => Running(_sidecar).Address;

    /// <summary>The runtime's recent log lines and its count of out-of-order message warnings.</summary>
    public RuntimeLog Log { get; }

    /// <summary>Activities this runtime has handed to its worker and not yet seen finish (model calls, on rgpt).</summary>
    public int ActivitiesInFlight => _activityLocks?.Count ?? 0;

    /// <summary>The name this runtime gives the engine: the machine's for the first runtime on the task hub.</summary>
    public string WorkerName => Running(_workerName).Name;

    /// <summary>Waits, polling, until no activity is in flight; false when <paramref name="limit"/> passes first.</summary>
    public async Task<bool> WaitForActivitiesAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (ActivitiesInFlight > 0)
        {
            if (clock.Elapsed >= limit)
            {
                return false;
            }

            await Task.Delay(50, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Creates the task hub if it is missing, starts the engine, the loopback sidecar and the worker, and returns once
    /// they run. On failure everything already started is stopped again before the exception surfaces.
    /// </summary>
    public static async Task<LocalDurableRuntime> StartAsync(
        LocalRuntimeOptions options,
        Action<DurableTaskRegistry> registerTasks,
        Action<IServiceCollection>? configureServices,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registerTasks);
        options.Validate();

        var log = new RuntimeLog(options.LogCapacity);
        ILoggerFactory loggerFactory = RuntimeLogging.CreateFactory(log, options.LoggerFactory);
        var runtime = new LocalDurableRuntime(options, log, loggerFactory);
        try
        {
            await runtime.StartPartsAsync(options, registerTasks, configureServices, cancellationToken);
            return runtime;
        }
        catch
        {
            await runtime.DisposeAsync();
            throw;
        }
    }

    private async Task StartPartsAsync(
        LocalRuntimeOptions options,
        Action<DurableTaskRegistry> registerTasks,
        Action<IServiceCollection>? configureServices,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        _workerName = options.ProcessesWork
            ? TaskHubWorkerName.Claim(StorageIdentity(options.StorageConnectionString), options.TaskHubName)
            : TaskHubWorkerName.ForClientOnly();
        _engine = TaskHubStorage.CreateService(options, _workerName.Name, _loggerFactory);

        // The sidecar never creates the task hub; the engine's start would, but saying it here keeps the intent visible.
        await _engine.CreateIfNotExistsAsync().WaitAsync(cancellationToken);
        TimeSpan taskHubReady = clock.Elapsed;

        // A runtime that takes no work never starts the engine's listening: it claims no partition, dequeues nothing.
        if (options.ProcessesWork)
        {
            _engineStart = _engine.StartAsync();
            await _engineStart.WaitAsync(cancellationToken);
        }

        TimeSpan engineStarted = clock.Elapsed;

        _activityLocks = new ActivityLockKeeper(_engine, options.ActivityLockTimeout, _logger);
        _sidecarEngine = new SidecarFacingOrchestrationService(_engine, _activityLocks);
        _sidecar = await LoopbackSidecar.StartAsync(
            _sidecarEngine, _engine, options.SidecarPort, options.ProcessesWork, _loggerFactory, options.ShutdownTimeout, cancellationToken);
        _channel = GrpcChannel.ForAddress(_sidecar.Address, new GrpcChannelOptions { LoggerFactory = _loggerFactory });
        TimeSpan sidecarStarted = clock.Elapsed;

        _worker = await LocalWorkerHost.StartAsync(_channel, registerTasks, configureServices, options, _loggerFactory, cancellationToken);

        LogStarted(
            _logger, TaskHubName, _sidecar.Address, (long)clock.Elapsed.TotalMilliseconds, (long)taskHubReady.TotalMilliseconds,
            (long)(engineStarted - taskHubReady).TotalMilliseconds, (long)(sidecarStarted - engineStarted).TotalMilliseconds);
    }

    /// <summary>
    /// Stops the worker first (no new work is taken), then the sidecar, then hands the work items still held back to the
    /// engine (so the next runtime need not wait for their locks to lapse), then stops the engine, which releases its
    /// partitions so the next runtime claims them at once. Bounded by <see cref="LocalRuntimeOptions.ShutdownTimeout"/>:
    /// whatever has not stopped by then is left to the process's end, and the next runtime recovers it from storage.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        using var deadline = new CancellationTokenSource(_shutdownTimeout);
        await StopStepAsync("worker", deadline.Token, async token =>
        {
            if (_worker is not null)
            {
                await _worker.StopAsync(token);
                _worker.Dispose();
            }
        });
        _channel?.Dispose();
        await StopStepAsync("sidecar", deadline.Token, async token =>
        {
            if (_sidecar is not null)
            {
                await _sidecar.StopAsync(token);
                await _sidecar.DisposeAsync();
            }
        });
        await StopStepAsync("work items in hand", deadline.Token, async token =>
        {
            if (_sidecarEngine is not null && _engineStart is not null)
            {
                await _sidecarEngine.HandBackAsync(token).WaitAsync(token);
            }
        });
        await StopStepAsync("engine", deadline.Token, async token =>
        {
            // A start abandoned by its token may still finish; it is stopped too, so no partition stays claimed.
            if (_engine is not null && _engineStart is not null)
            {
                await _engineStart.WaitAsync(token);
                await _engine.StopAsync(isForced: false).WaitAsync(token);
            }
        });

        _workerName?.Dispose();
        LogStopped(_logger, TaskHubName, (long)clock.Elapsed.TotalMilliseconds);
        _loggerFactory.Dispose();
    }

    /// <summary>The account the connection string reaches, whatever its spelling: its blob endpoint.</summary>
    private static string StorageIdentity(string connectionString)
    {
        try
        {
            return new Azure.Storage.Blobs.BlobServiceClient(connectionString).Uri.AbsoluteUri.TrimEnd('/').ToLowerInvariant();
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            return connectionString;
        }
    }

    private T Running<T>(T? part)
        where T : class
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        return part ?? throw new InvalidOperationException("the runtime has not finished starting");
    }

    // A step that fails or runs out of time is logged and skipped, so the later steps still run and dispose never throws.
    private async Task StopStepAsync(string part, CancellationToken deadline, Func<CancellationToken, Task> stop)
    {
        try
        {
            await stop(deadline);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            LogStopTimedOut(_logger, part, _shutdownTimeout.TotalSeconds);
        }
        catch (Exception ex)
        {
            LogStopFailed(_logger, ex, part);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Local durable runtime for task hub {TaskHub} started in {TotalMs} ms on {SidecarAddress} (task hub {TaskHubMs} ms, engine {EngineMs} ms, sidecar {SidecarMs} ms)")]
    private static partial void LogStarted(ILogger logger, string taskHub, Uri sidecarAddress, long totalMs, long taskHubMs, long engineMs, long sidecarMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local durable runtime for task hub {TaskHub} stopped in {TotalMs} ms")]
    private static partial void LogStopped(ILogger logger, string taskHub, long totalMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping the {Part} did not finish within the {TimeoutSeconds} s shutdown bound; left to the process's end")]
    private static partial void LogStopTimedOut(ILogger logger, string part, double timeoutSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping the {Part} failed; carrying on with the rest of the shutdown")]
    private static partial void LogStopFailed(ILogger logger, Exception exception, string part);
}
