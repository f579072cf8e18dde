using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RecurrentGpt.Api.Hosting;
using RecurrentGpt.Local.Cli;
using RecurrentGpt.Local.Runtime;
using RecurrentGpt.Local.Runtime.Azurite;
using RecurrentGpt.Workflow;

namespace RecurrentGpt.Local.Hosting;

/// <summary>
/// Everything a story needs on one machine: storage (the configured account, checked before anything starts, or the
/// Azurite of rgpt's data folder, shared with the other rgpt processes of that folder and stopped by the last one), the
/// local durable runtime with the same orchestrator and activities as the Functions app, and the services the shared
/// composition root makes from the same configuration the Functions app reads.
/// </summary>
internal sealed class LocalStoryHost : IAsyncDisposable
{
    private readonly SharedAzurite? _azurite;
    private readonly LocalDurableRuntime _runtime;

    private LocalStoryHost(SharedAzurite? azurite, LocalDurableRuntime runtime, string storage, TimeSpan recoveryBound)
    {
        _azurite = azurite;
        _runtime = runtime;
        Storage = storage;
        RecoveryBound = recoveryBound;
    }

    public DurableTaskClient Client => _runtime.Client;

    public LocalDurableRuntime Runtime => _runtime;

    /// <summary>One line saying which storage is used and whose it is, e.g. "Storage: Azurite at 127.0.0.1:10000-10002 (…), started by this rgpt".</summary>
    public string Storage { get; }

    /// <summary>The longest this host waits before work a killed process held is handed out again.</summary>
    public TimeSpan RecoveryBound { get; }

    public T Get<T>()
        where T : notnull => _runtime.Services.GetRequiredService<T>();

    /// <summary>
    /// Starts the host. Configured storage (a connection string to an account or to an Azurite the caller runs) is used as
    /// it is; with none, rgpt uses the Azurite of <paramref name="paths"/>' data folder, starting it if need be.
    /// </summary>
    /// <param name="tuneRuntime">
    /// Adjusts the runtime's limits (the benchmarks raise its concurrency); a runtime set to take no work
    /// (<see cref="LocalRuntimeOptions.ProcessesWork"/>) also runs no scheduler.
    /// </param>
    public static async Task<LocalStoryHost> StartAsync(
        LocalPaths paths, ModelChoice model, IConfiguration configuration, CancellationToken cancellationToken, Action<LocalRuntimeOptions>? tuneRuntime = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        LocalRuntimeOptions runtimeOptions = SettingProblems.Bind(() =>
        {
            var options = new LocalRuntimeOptions();
            configuration.GetSection("Runtime").Bind(options);
            return options;
        });
        tuneRuntime?.Invoke(runtimeOptions);

        // Every setting is checked before Azurite or the runtime starts, so a typo costs nothing and says its name.
        CheckSettings(configuration, model);

        SharedAzurite? azurite = null;
        string storage;
        if (LocalStorage.IsConfigured(configuration))
        {
            StorageEndpoints endpoints = LocalStorage.ParseConnectionString(LocalStorage.RuntimeConnectionString(configuration));
            await LocalStorage.ProbeAsync(endpoints, cancellationToken);
            storage = LocalStorage.Describe(endpoints);
        }
        else
        {
            try
            {
                azurite = await SharedAzurite.AcquireAsync(paths.AzuriteData, LocalStorage.PreferredAzurite(configuration), AzuriteInstallation.Default(), cancellationToken);
            }
            catch (AzuriteUnavailableException ex)
            {
                throw new UsageException($"Azurite is not available: {ex.Message}");
            }

            storage = LocalStorage.Describe(azurite);
        }

        try
        {
            IConfiguration effective = LocalStorage.WithManagedAzurite(configuration, azurite?.ConnectionString);
            runtimeOptions.StorageConnectionString = LocalStorage.RuntimeConnectionString(effective);
            LocalDurableRuntime runtime = await LocalDurableRuntime.StartAsync(
                runtimeOptions,
                registry => registry.AddStoryWorkflow(),
                services => AddServices(services, effective, model, runsScheduler: runtimeOptions.ProcessesWork),
                cancellationToken);
            return new LocalStoryHost(azurite, runtime, storage, runtimeOptions.RecoveryBound);
        }
        catch
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>rgpt's services: the composition root the Functions app uses, with the model rgpt chose and the scheduler as a background service.</summary>
    public static IServiceCollection AddServices(IServiceCollection services, IConfiguration configuration, ModelChoice model) =>
        AddServices(services, configuration, model, runsScheduler: true);

    public async ValueTask DisposeAsync()
    {
        await _runtime.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    private static IServiceCollection AddServices(IServiceCollection services, IConfiguration configuration, ModelChoice model, bool runsScheduler) =>
        services.AddStoryServices(configuration, new StoryHostOptions
        {
            Chat = model.Chat,
            ChatDescription = model.Description,
            Embeddings = model.Embeddings,
            RunsScheduler = runsScheduler,
        });

    /// <summary>
    /// Runs the composition root's start-up checks of every section on a container of its own, which touches no storage:
    /// a value the binder cannot convert becomes one line naming it, a rule a value breaks an <see cref="OptionsValidationException"/>.
    /// </summary>
    private static void CheckSettings(IConfiguration configuration, ModelChoice model)
    {
        ServiceCollection services = new();
        services.AddLogging();
        AddServices(services, configuration, model, runsScheduler: false);
        using ServiceProvider provider = services.BuildServiceProvider();
        SettingProblems.Bind(() =>
        {
            provider.GetService<IStartupValidator>()?.Validate();
            return true;
        });
    }
}
