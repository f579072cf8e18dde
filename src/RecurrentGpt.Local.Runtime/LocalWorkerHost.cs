using Grpc.Net.Client;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RecurrentGpt.Local.Runtime;

/// <summary>
/// The worker that runs the registered orchestrators and activities (unless the runtime takes no work), and the client,
/// both over the sidecar's channel.
/// </summary>
internal static class LocalWorkerHost
{
    public static async Task<IHost> StartAsync(
        GrpcChannel channel,
        Action<DurableTaskRegistry> registerTasks,
        Action<IServiceCollection>? configureServices,
        LocalRuntimeOptions options,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        // No defaults: the host reads no configuration files or variables of its own; the caller's services decide.
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.ClearProviders();
        builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        builder.Services.Replace(ServiceDescriptor.Singleton<IHostLifetime, OwnerControlledLifetime>());
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);

        // The caller's services first, so activities can resolve them.
        configureServices?.Invoke(builder.Services);

        if (options.ProcessesWork)
        {
            AddWorker(builder.Services, channel, registerTasks, options);
        }

        builder.Services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(channel);
            client.RegisterDirectly();
        });

        IHost host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    private static void AddWorker(IServiceCollection services, GrpcChannel channel, Action<DurableTaskRegistry> registerTasks, LocalRuntimeOptions options) =>
        services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(grpc =>
            {
                grpc.Channel = channel;
                grpc.SetSilentDisconnectTimeout(options.WorkerSilentDisconnectTimeout);
            });
            worker.AddTasks(registerTasks);
            worker.Configure(settings =>
            {
                settings.Concurrency.MaximumConcurrentOrchestrationWorkItems = options.MaxConcurrentOrchestrations;
                settings.Concurrency.MaximumConcurrentActivityWorkItems = options.MaxConcurrentActivities;

                // Otherwise every worker line is logged twice, under the old and the new category.
                settings.Logging.UseLegacyCategories = false;
            });
        });
}
