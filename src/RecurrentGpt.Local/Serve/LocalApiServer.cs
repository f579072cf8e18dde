using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RecurrentGpt.Api.Problems;
using RecurrentGpt.Api.Routes;
using RecurrentGpt.Local.Studio;
using BadHttpRequestException = Microsoft.AspNetCore.Http.BadHttpRequestException;

namespace RecurrentGpt.Local.Serve;

/// <summary>
/// The v1 HTTP contract on Kestrel over the local runtime: the same handlers the Functions app binds, on the same routes,
/// and the writer's studio at <c>/</c>. Mutating routes need the local key; the webhook is trusted by its signature instead.
/// Only requests that name this server in their Host header are served at all (<see cref="HostCheck"/>).
/// </summary>
internal sealed partial class LocalApiServer : IAsyncDisposable
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

    /// <summary>
    /// Starts the server on <paramref name="bind"/>:<paramref name="port"/>, its warnings and errors (with the request's
    /// method and path, and the exception) going to <paramref name="log"/> only: Kestrel's own chatter stays out.
    /// </summary>
    public static async Task<LocalApiServer> StartAsync(
        IPAddress bind, int port, LocalApiKey key, ServeOptions options, IServiceProvider services, ILoggerProvider log, CancellationToken cancellationToken)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(ServeLog.MinimumLevel);
        builder.Logging.AddProvider(log);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(bind, port);
            // The handlers refuse bodies over the contract's limits themselves (413 problem+json); Kestrel's own cap only
            // bounds what a client can push at the server at all. A client that stalls is given up after the two timeouts.
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(options.RequestHeadersTimeoutSeconds);
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(MinBodyBytesPerSecond, TimeSpan.FromSeconds(options.RequestBodyGraceSeconds));
        });
        WebApplication app = builder.Build();
        ILoggerFactory logs = app.Services.GetRequiredService<ILoggerFactory>();
        ILogger failures = logs.CreateLogger<LocalApiServer>();
        var hosts = new HostCheck(options.AllowedHostNames(), logs.CreateLogger<HostCheck>());

        app.Use((context, next) => AnswerFailuresAsync(context, next, failures));
        // Before routing, the studio and the API: a request for another name reads and writes nothing.
        app.Use((context, next) => hosts.Admits(context) ? next(context) : hosts.RefuseAsync(context));
        app.Use((context, next) =>
        {
            // A read of the body can fail only through the client (framing, a dropped connection): its 4xx, never a logged 500.
            context.Request.Body = new ClientBodyStream(context.Request.Body);
            return next(context);
        });

        // Answers routing writes without a body — no such route (404), a method a route does not take (405) — get the
        // contract's error format here, one place for every path, under /api or not.
        app.UseStatusCodePages(context => ApiResults.Problem(StatusProblem(context.HttpContext), context.HttpContext.Request.Path).ExecuteAsync(context.HttpContext));
        app.UseRouting();
        app.MapStudio(StudioAssets.FromAssembly(typeof(LocalApiServer).Assembly));

        // The endpoint runner logs a handler's failure; built here so that log is this server's, not the runtime's in-memory one.
        var endpoint = new ApiEndpoint(services, logs.CreateLogger<ApiEndpoint>());
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

    /// <summary>
    /// What escapes every handler (the studio's, the status pages', a route's outside its own boundary): a body the server
    /// refused is the client's 4xx; anything else is logged with the request and answered 500 without detail.
    /// </summary>
    private static async Task AnswerFailuresAsync(HttpContext context, RequestDelegate next, ILogger log)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: there is no one to answer.
        }
        catch (Exception ex)
        {
            ApiProblem answer;
            if (ex is BadHttpRequestException refused)
            {
                answer = TransportProblems.Of(refused);
            }
            else
            {
                LogUnhandled(log, context.Request.Method, context.Request.Path.Value ?? string.Empty, ex);
                answer = InternalFailure;
            }

            if (context.Response.HasStarted)
            {
                context.Abort();
                return;
            }

            context.Response.Clear();
            await ApiResults.Problem(answer, context.Request.Path.Value).ExecuteAsync(context);
        }
    }

    // Kestrel's default minimum rate; only its grace period is a setting.
    private const double MinBodyBytesPerSecond = 240;

    private static readonly ApiProblem InternalFailure =
        new(500, "internal", "The request failed", "the server could not complete the request; it is logged and nothing was lost");

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

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed outside any route's handler")]
    private static partial void LogUnhandled(ILogger log, string method, string path, Exception ex);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
