using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Net;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RecurrentGpt.Local.Runtime;

/// <summary>
/// The gRPC sidecar (<see cref="TaskHubGrpcServer"/>) in front of the engine, on Kestrel with HTTP/2 only, bound to
/// 127.0.0.1 only: the worker and client talk to the engine through it, and nothing off this machine can.
/// </summary>
internal sealed class LoopbackSidecar : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackSidecar(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <param name="dispatches">False for a sidecar that answers the client only and hands out no work.</param>
    public static async Task<LoopbackSidecar> StartAsync(
        IOrchestrationService engine, IOrchestrationServiceClient engineClient, int port, bool dispatches, ILoggerFactory loggerFactory, TimeSpan shutdownTimeout,
        CancellationToken cancellationToken)
    {
        // The empty builder reads no appsettings or ASPNETCORE_* variables: nothing outside can move the binding.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = shutdownTimeout);
        builder.Services.Replace(ServiceDescriptor.Singleton<IHostLifetime, OwnerControlledLifetime>());
        builder.Services.AddRoutingCore();
        builder.Services.AddGrpc();
        builder.Services.AddOptions<TaskHubGrpcServerOptions>().Configure(sidecar =>
            sidecar.Mode = dispatches ? TaskHubGrpcServerMode.ApiServerAndDispatcher : TaskHubGrpcServerMode.ApiServerOnly);
        builder.Services.AddSingleton(engine);
        builder.Services.AddSingleton(engineClient);

        // One instance for the process: it holds the single worker connection and the pending work items.
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        WebApplication app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new LoopbackSidecar(app, BoundAddress(app));
    }

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    // With port 0 Kestrel picks the port; the server reports what it actually bound.
    private static Uri BoundAddress(WebApplication app)
    {
        IServerAddressesFeature? addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        string bound = addresses?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the sidecar started but reports no address");
        return new Uri(bound);
    }
}
