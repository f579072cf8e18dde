using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RecurrentGpt.Workflow.Api;

namespace RecurrentGpt.Functions.Http;

/// <summary>The contract's read routes: each binds its trigger and hands the request to the Workflow handler.</summary>
public sealed class StoryReadFunctions(StoryApiFactory api)
{
    [Function("ListStories")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Stories)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => ApiActionResult.Of(api.For(client).ListAsync(request, cancellationToken));

    [Function("GetStory")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Story)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => ApiActionResult.Of(api.For(client).GetAsync(request, id, cancellationToken));

    [Function("ListParagraphs")]
    public Task<IActionResult> ParagraphsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Paragraphs)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => ApiActionResult.Of(api.For(client).ParagraphsAsync(request, id, cancellationToken));

    [Function("ExportStory")]
    public Task<IActionResult> ExportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Export)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => ApiActionResult.Of(api.For(client).ExportAsync(request, id, cancellationToken));

    [Function("GetStep")]
    public Task<IActionResult> StepAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Step)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        string n,
        CancellationToken cancellationToken) => ApiActionResult.Of(api.For(client).StepAsync(request, id, n, cancellationToken));

    [Function("PreviewRecall")]
    public Task<IActionResult> RecallAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Recall)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => ApiActionResult.Of(api.For(client).RecallAsync(request, id, cancellationToken));

    [Function("OpenApiDocument")]
    public IActionResult OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.OpenApi)] HttpRequest request) =>
        new ApiActionResult(Workflow.Api.OpenApiDocument.Result());
}
