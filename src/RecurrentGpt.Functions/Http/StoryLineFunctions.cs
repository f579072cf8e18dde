using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RecurrentGpt.Api.Routes;

namespace RecurrentGpt.Functions.Http;

/// <summary>The contract's routes of the story as a tree: rewind, the branches a story left, and forks.</summary>
public sealed class StoryLineFunctions(FunctionsHttp http)
{
    [Function(nameof(RewindStory))]
    public Task<IActionResult> RewindStory(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Rewind)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id }, cancellationToken);

    [Function(nameof(ListBranches))]
    public Task<IActionResult> ListBranches(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Branches)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id }, cancellationToken);

    [Function(nameof(GetBranch))]
    public Task<IActionResult> GetBranch(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Branch)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        string n,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id, ["n"] = n }, cancellationToken);

    [Function(nameof(GetTimeline))]
    public Task<IActionResult> GetTimeline(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Timeline)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id }, cancellationToken);

    [Function(nameof(ForkStory))]
    public Task<IActionResult> ForkStory(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Fork)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id }, cancellationToken);

    [Function(nameof(RegenerateStep))]
    public Task<IActionResult> RegenerateStep(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Regenerate)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id }, cancellationToken);

    [Function(nameof(ChooseAlternative))]
    public Task<IActionResult> ChooseAlternative(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Alternative)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        string n,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id, ["n"] = n }, cancellationToken);

    [Function(nameof(RestoreBranch))]
    public Task<IActionResult> RestoreBranch(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.RestoreBranch)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        string n,
        CancellationToken cancellationToken) => http.RunAsync(request, client, new() { ["id"] = id, ["n"] = n }, cancellationToken);
}
