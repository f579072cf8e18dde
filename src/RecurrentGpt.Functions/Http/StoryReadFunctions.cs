using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RecurrentGpt.Api.Routes;

namespace RecurrentGpt.Functions.Http;

/// <summary>The contract's read routes (<see cref="ApiAccess.Read"/>): each binds its trigger and runs its route.</summary>
public sealed class StoryReadFunctions(FunctionsHttp http)
{
    [Function(nameof(ListStories))]
    public Task<IActionResult> ListStories(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Stories)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => http.RunAsync(request, client, RouteArgs.None, cancellationToken);

    [Function(nameof(GetStory))]
    public Task<IActionResult> GetStory(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Story)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id }, cancellationToken);

    [Function(nameof(ListParagraphs))]
    public Task<IActionResult> ListParagraphs(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Paragraphs)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id }, cancellationToken);

    [Function(nameof(ExportStory))]
    public Task<IActionResult> ExportStory(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Export)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id }, cancellationToken);

    [Function(nameof(GetStep))]
    public Task<IActionResult> GetStep(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Step)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        string n,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id, ["n"] = n }, cancellationToken);

    [Function(nameof(PreviewRecall))]
    public Task<IActionResult> PreviewRecall(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Recall)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id }, cancellationToken);

    /// <summary>Anonymous (<see cref="ApiAccess.Public"/>), and needs no durable client.</summary>
    [Function(nameof(OpenApiDocument))]
    public Task<IActionResult> OpenApiDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.OpenApi)] HttpRequest request,
        CancellationToken cancellationToken) => http.RunAsync(request, cancellationToken);
}
