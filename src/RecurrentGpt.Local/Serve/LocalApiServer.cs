using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RecurrentGpt.Local.Studio;
using RecurrentGpt.Workflow.Api;

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

    /// <summary>The studio's address with the key in the fragment: browsers never send a fragment, and the page moves it into its session.</summary>
    public Uri StudioAddress(LocalApiKey key) => new(Address, "/#key=" + Uri.EscapeDataString(key.Value));

    public static async Task<LocalApiServer> StartAsync(IPAddress bind, int port, LocalApiKey key, StoryApiFactory apis, DurableTaskClient client, CancellationToken cancellationToken)
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
        StoryApi api = apis.For(client);
        PlanChoiceWebhook webhook = apis.WebhookFor(client);
        app.MapStudio(StudioAssets.FromAssembly(typeof(LocalApiServer).Assembly));

        RouteGroupBuilder routes = app.MapGroup(ApiRoutes.Prefix);
        RouteGroupBuilder keyed = routes.MapGroup(string.Empty).AddEndpointFilter(async (context, next) =>
            key.Admits(context.HttpContext.Request)
                ? await next(context)
                : ApiResults.Problem(new ApiProblem(401, "key-required", "A key is required",
                    $"send the key rgpt serve printed at start-up in the {LocalApiKey.Header} header (or the {LocalApiKey.Query} query)"),
                    context.HttpContext.Request.Path));

        routes.MapGet(ApiRoutes.Stories, (HttpRequest r, CancellationToken ct) => api.ListAsync(r, ct));
        routes.MapGet(ApiRoutes.Story, (HttpRequest r, string id, CancellationToken ct) => api.GetAsync(r, id, ct));
        routes.MapGet(ApiRoutes.Paragraphs, (HttpRequest r, string id, CancellationToken ct) => api.ParagraphsAsync(r, id, ct));
        routes.MapGet(ApiRoutes.Export, (HttpRequest r, string id, CancellationToken ct) => api.ExportAsync(r, id, ct));
        routes.MapGet(ApiRoutes.Step, (HttpRequest r, string id, string n, CancellationToken ct) => api.StepAsync(r, id, n, ct));
        routes.MapGet(ApiRoutes.Recall, (HttpRequest r, string id, CancellationToken ct) => api.RecallAsync(r, id, ct));
        routes.MapGet(ApiRoutes.OpenApi, () => OpenApiDocument.Result());
        routes.MapPost(ApiRoutes.PlanChoiceHook, (HttpRequest r, CancellationToken ct) => webhook.ReceiveAsync(r, ct));
        keyed.MapPost(ApiRoutes.Stories, (HttpRequest r, CancellationToken ct) => api.CreateAsync(r, ct));
        keyed.MapPost(ApiRoutes.Choice, (HttpRequest r, string id, CancellationToken ct) => api.ChooseAsync(r, id, ct));
        keyed.MapPut(ApiRoutes.Memory, (HttpRequest r, string id, CancellationToken ct) => api.EditMemoryAsync(r, id, ct));
        keyed.MapPut(ApiRoutes.Paragraph, (HttpRequest r, string id, string n, CancellationToken ct) => api.EditParagraphAsync(r, id, n, ct));
        keyed.MapPost(ApiRoutes.Pause, (HttpRequest r, string id, CancellationToken ct) => api.PauseAsync(r, id, ct));
        keyed.MapPost(ApiRoutes.Resume, (HttpRequest r, string id, CancellationToken ct) => api.ResumeAsync(r, id, ct));
        keyed.MapPost(ApiRoutes.Cancel, (HttpRequest r, string id, CancellationToken ct) => api.CancelAsync(r, id, ct));
        keyed.MapPut(ApiRoutes.Mode, (HttpRequest r, string id, CancellationToken ct) => api.ChangeModeAsync(r, id, ct));
        keyed.MapPost(ApiRoutes.Retry, (HttpRequest r, string id, CancellationToken ct) => api.RetryAsync(r, id, ct));

        await app.StartAsync(cancellationToken);
        int boundPort = new Uri(app.Urls.First()).Port;
        return new LocalApiServer(app, new Uri($"http://{(bind.Equals(IPAddress.Any) ? "127.0.0.1" : bind.ToString())}:{boundPort}"));
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
