using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Infrastructure.Storage.Azurite;
using RecurrentGpt.Local.Cli;
using RecurrentGpt.Local.Runtime;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Scheduling;

namespace RecurrentGpt.Local.Hosting;

/// <summary>
/// Everything a story needs on one machine: Azurite (reused when one answers, else started and later stopped), the local
/// durable runtime with the same orchestrator and activities as the Functions app, the stores and the scheduler sweep.
/// </summary>
internal sealed class LocalStoryHost : IAsyncDisposable
{
    private readonly AzuriteProcess _azurite;
    private readonly LocalDurableRuntime _runtime;

    private LocalStoryHost(AzuriteProcess azurite, LocalDurableRuntime runtime)
    {
        _azurite = azurite;
        _runtime = runtime;
    }

    public DurableTaskClient Client => _runtime.Client;

    public LocalDurableRuntime Runtime => _runtime;

    public T Get<T>()
        where T : notnull => _runtime.Services.GetRequiredService<T>();

    public static async Task<LocalStoryHost> StartAsync(LocalPaths paths, ModelChoice model, IConfiguration configuration, CancellationToken cancellationToken)
    {
        AzuriteProcess azurite;
        try
        {
            azurite = await AzuriteProcess.EnsureRunningAsync(new AzuriteEndpoints(), paths.AzuriteData, AzuriteInstallation.Default(), cancellationToken);
        }
        catch (AzuriteUnavailableException ex)
        {
            throw new UsageException($"Azurite is not available: {ex.Message}");
        }

        try
        {
            var storage = new StorageOptions { ConnectionString = azurite.ConnectionString };
            LocalDurableRuntime runtime = await LocalDurableRuntime.StartAsync(
                new LocalRuntimeOptions { StorageConnectionString = azurite.ConnectionString },
                registry => registry.AddStoryWorkflow(),
                services =>
                {
                    services.AddStoryStorage(storage);
                    services.AddSingleton(model.Chat);
                    services.AddSingleton(model.Embeddings);
                    services.AddStoryWorkflowServices();
                    services.Configure<WorkflowOptions>(configuration.GetSection(WorkflowOptions.SectionName));
                    services.AddHostedService<SchedulerService>();
                },
                cancellationToken);
            await runtime.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(cancellationToken);
            return new LocalStoryHost(azurite, runtime);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _runtime.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
