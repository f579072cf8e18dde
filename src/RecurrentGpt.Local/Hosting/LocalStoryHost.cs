using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RecurrentGpt.Api.Hosting;
using RecurrentGpt.Local.Cli;
using RecurrentGpt.Local.Runtime;
using RecurrentGpt.Local.Runtime.Azurite;
using RecurrentGpt.Workflow;

namespace RecurrentGpt.Local.Hosting;

/// <summary>
/// Everything a story needs on one machine: Azurite (reused when one answers, else started and later stopped), the local
/// durable runtime with the same orchestrator and activities as the Functions app, and the services the shared
/// composition root makes from the same configuration the Functions app reads.
/// </summary>
internal sealed class LocalStoryHost : IAsyncDisposable
{
    private readonly AzuriteProcess? _azurite;
    private readonly LocalDurableRuntime _runtime;

    private LocalStoryHost(AzuriteProcess? azurite, LocalDurableRuntime runtime)
    {
        _azurite = azurite;
        _runtime = runtime;
    }

    public DurableTaskClient Client => _runtime.Client;

    public LocalDurableRuntime Runtime => _runtime;

    public T Get<T>()
        where T : notnull => _runtime.Services.GetRequiredService<T>();

    /// <summary>
    /// Starts the host. Configured storage (a connection string to an account or to an Azurite the caller runs) is used as
    /// it is; with none, rgpt manages Azurite on the default ports with its data under <paramref name="paths"/>.
    /// </summary>
    /// <param name="tuneRuntime">Adjusts the runtime's limits (the benchmarks raise its concurrency).</param>
    public static async Task<LocalStoryHost> StartAsync(
        LocalPaths paths, ModelChoice model, IConfiguration configuration, CancellationToken cancellationToken, Action<LocalRuntimeOptions>? tuneRuntime = null)
    {
        AzuriteProcess? azurite = null;
        if (!LocalStorage.IsConfigured(configuration))
        {
            try
            {
                azurite = await AzuriteProcess.EnsureRunningAsync(new AzuriteEndpoints(), paths.AzuriteData, AzuriteInstallation.Default(), cancellationToken);
            }
            catch (AzuriteUnavailableException ex)
            {
                throw new UsageException($"Azurite is not available: {ex.Message}");
            }
        }

        try
        {
            IConfiguration effective = LocalStorage.WithManagedAzurite(configuration, azurite?.ConnectionString);
            var runtimeOptions = new LocalRuntimeOptions();
            effective.GetSection("Runtime").Bind(runtimeOptions);
            runtimeOptions.StorageConnectionString = LocalStorage.RuntimeConnectionString(effective);
            tuneRuntime?.Invoke(runtimeOptions);
            LocalDurableRuntime runtime = await LocalDurableRuntime.StartAsync(
                runtimeOptions,
                registry => registry.AddStoryWorkflow(),
                services => AddServices(services, effective, model),
                cancellationToken);
            return new LocalStoryHost(azurite, runtime);
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
        services.AddStoryServices(configuration, new StoryHostOptions
        {
            Chat = model.Chat,
            ChatDescription = model.Description,
            Embeddings = model.Embeddings,
            RunsScheduler = true,
        });

    public async ValueTask DisposeAsync()
    {
        await _runtime.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
