using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RecurrentGpt.Api.Problems;
using RecurrentGpt.Api.Routes;
using RecurrentGpt.Local.Studio;

namespace RecurrentGpt.Local.Serve;

/// <summary>
/// The v1 HTTP contract on Kestrel over the local runtime: the same handlers the Functions app binds, on the same routes,
/// and the writer's studio at <c>/</c>. Mutating routes need the local key; the webhook is trusted by its signature instead.
/// </summary>
internal sealed class LocalApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalApiServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Every endpoint the server answers, as method and route pattern (the studio's files among them).</summary>
    internal IReadOnlyList<(string Method, string Pattern)> Endpoints =>
        [.. ((IEndpointRouteBuilder)_app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (method, "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))))];

    /// <summary>The studio's address with the key in the fragment: browsers never send a fragment, and the page moves it into its session.</summary>
    public Uri StudioAddress(LocalApiKey key) => new(Address, "/#key=" + Uri.EscapeDataString(key.Value));

    public static async Task<LocalApiServer> StartAsync(IPAddress bind, int port, LocalApiKey key, IServiceProvider services, CancellationToken cancellationToken)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(bind, port);
            // The handlers refuse bodies over the contract's limits themselves (413 problem+json); Kestrel's own cap only
            // bounds what a client can push at the server at all.
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
        });
        WebApplication app = builder.Build();

        // Answers routing writes without a body — no such route (404), a method a route does not take (405) — get the
        // contract's error format here, one place for every path, under /api or not.
        app.UseStatusCodePages(context => ApiResults.Problem(StatusProblem(context.HttpContext), context.HttpContext.Request.Path).ExecuteAsync(context.HttpContext));
        app.MapStudio(StudioAssets.FromAssembly(typeof(LocalApiServer).Assembly));

        ApiEndpoint endpoint = services.GetRequiredService<ApiEndpoint>();
        foreach (ApiRoute route in ApiRouteTable.All)
        {
            RouteHandlerBuilder mapped = app.MapMethods(route.Path, [route.Method], (HttpRequest request) =>
                endpoint.RunAsync(route, request, Arguments(request.RouteValues), request.HttpContext.RequestAborted));
            if (route.Access == ApiAccess.Change)
            {
                mapped.AddEndpointFilter(async (context, next) => key.Admits(context.HttpContext.Request)
                    ? await next(context)
                    : ApiResults.Problem(KeyRequired, context.HttpContext.Request.Path));
            }
        }

        await app.StartAsync(cancellationToken);
        int boundPort = new Uri(app.Urls.First()).Port;
        return new LocalApiServer(app, new Uri($"http://{(bind.Equals(IPAddress.Any) ? "127.0.0.1" : bind.ToString())}:{boundPort}"));
    }

    private static readonly ApiProblem KeyRequired = new(401, "key-required", "A key is required",
        $"send the key rgpt serve printed at start-up in the {LocalApiKey.Header} header (or the {LocalApiKey.Query} query)");

    private static RouteArgs Arguments(RouteValueDictionary values)
    {
        var args = new RouteArgs();
        foreach ((string name, object? value) in values)
        {
            args[name] = value?.ToString();
        }

        return args;
    }

    private static ApiProblem StatusProblem(HttpContext context) => context.Response.StatusCode switch
    {
        404 => new ApiProblem(404, "no-such-route", "No such route", $"{context.Request.Method} {context.Request.Path} is not part of the v1 API; GET {ApiRoutes.Prefix}/{ApiRoutes.OpenApi} lists the routes"),
        405 => new ApiProblem(405, "method-not-allowed", "Method not allowed", $"{context.Request.Path} does not take {context.Request.Method}; GET {ApiRoutes.Prefix}/{ApiRoutes.OpenApi} lists the routes"),
        int status => new ApiProblem(status, "http-" + status.ToString(System.Globalization.CultureInfo.InvariantCulture), "The request was refused", $"the server answered {status}"),
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
