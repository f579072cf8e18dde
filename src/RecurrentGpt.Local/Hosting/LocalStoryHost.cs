using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Infrastructure.Storage.Azurite;
using RecurrentGpt.Local.Cli;
using RecurrentGpt.Local.Runtime;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Api;
using RecurrentGpt.Workflow.Notifications;
using RecurrentGpt.Workflow.Scheduling;

namespace RecurrentGpt.Local.Hosting;

/// <summary>
/// Everything a story needs on one machine: Azurite (reused when one answers, else started and later stopped), the local
/// durable runtime with the same orchestrator and activities as the Functions app, the stores and the scheduler sweep.
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
    /// Starts the host. A configured <c>Storage:ConnectionString</c> (a storage account, or an Azurite the caller runs)
    /// is used as it is; otherwise rgpt manages Azurite on the default ports with its data under <paramref name="paths"/>.
    /// </summary>
    /// <param name="tuneRuntime">Adjusts the runtime's limits (the benchmarks raise its concurrency).</param>
    public static async Task<LocalStoryHost> StartAsync(
        LocalPaths paths, ModelChoice model, IConfiguration configuration, CancellationToken cancellationToken, Action<LocalRuntimeOptions>? tuneRuntime = null)
    {
        string? configured = configuration[$"{StorageOptions.SectionName}:ConnectionString"];
        AzuriteProcess? azurite = null;
        if (string.IsNullOrWhiteSpace(configured))
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

        string connectionString = configured ?? azurite!.ConnectionString;
        try
        {
            var storage = new StorageOptions { ConnectionString = connectionString };
            var runtimeOptions = new LocalRuntimeOptions();
            configuration.GetSection("Runtime").Bind(runtimeOptions);
            runtimeOptions.StorageConnectionString = connectionString;
            tuneRuntime?.Invoke(runtimeOptions);
            LocalDurableRuntime runtime = await LocalDurableRuntime.StartAsync(
                runtimeOptions,
                registry => registry.AddStoryWorkflow(),
                services =>
                {
                    services.AddStoryStorage(storage);
                    services.AddSingleton(model.Chat);
                    services.AddSingleton(model.Embeddings);
                    services.AddStoryWorkflowServices();
                    services.Configure<WorkflowOptions>(configuration.GetSection(WorkflowOptions.SectionName));
                    services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.SectionName));
                    services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.SectionName));
                    services.AddHostedService<SchedulerService>();
                },
                cancellationToken);
            await runtime.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(cancellationToken);
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

    public async ValueTask DisposeAsync()
    {
        await _runtime.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
