using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RecurrentGpt.Api.Routes;

namespace RecurrentGpt.Functions.Http;

/// <summary>The contract's routes that change a story (<see cref="ApiAccess.Change"/>): each needs the function key.</summary>
public sealed class StoryChangeFunctions(FunctionsHttp http)
{
    [Function(nameof(CreateStory))]
    public Task<IActionResult> CreateStory(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Stories)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => http.RunAsync(request, client, RouteArgs.None, cancellationToken);

    [Function(nameof(RecordChoice))]
    public Task<IActionResult> RecordChoice(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Choice)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id }, cancellationToken);

    [Function(nameof(EditMemory))]
    public Task<IActionResult> EditMemory(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Memory)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id }, cancellationToken);

    [Function(nameof(EditParagraph))]
    public Task<IActionResult> EditParagraph(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Paragraph)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        string n,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id, ["n"] = n }, cancellationToken);

    [Function(nameof(ChangeMode))]
    public Task<IActionResult> ChangeMode(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Mode)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id }, cancellationToken);

    [Function(nameof(PauseStory))]
    public Task<IActionResult> PauseStory(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Pause)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id }, cancellationToken);

    [Function(nameof(ResumeStory))]
    public Task<IActionResult> ResumeStory(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Resume)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id }, cancellationToken);

    [Function(nameof(CancelStory))]
    public Task<IActionResult> CancelStory(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Cancel)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id }, cancellationToken);

    [Function(nameof(RetryStory))]
    public Task<IActionResult> RetryStory(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Retry)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id }, cancellationToken);
}
