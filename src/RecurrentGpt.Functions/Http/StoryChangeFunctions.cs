using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RecurrentGpt.Workflow.Api;

namespace RecurrentGpt.Functions.Http;

/// <summary>The contract's routes that change a story; each needs the function key (AuthorizationLevel.Function).</summary>
public sealed class StoryChangeFunctions(StoryApiFactory api)
{
    [Function("CreateStory")]
    public Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Stories)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => ApiActionResult.Of(api.For(client).CreateAsync(request, cancellationToken));

    [Function("RecordChoice")]
    public Task<IActionResult> ChooseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Choice)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => ApiActionResult.Of(api.For(client).ChooseAsync(request, id, cancellationToken));

    [Function("EditMemory")]
    public Task<IActionResult> EditMemoryAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Memory)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => ApiActionResult.Of(api.For(client).EditMemoryAsync(request, id, cancellationToken));

    [Function("EditParagraph")]
    public Task<IActionResult> EditParagraphAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Paragraph)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        string n,
        CancellationToken cancellationToken) => ApiActionResult.Of(api.For(client).EditParagraphAsync(request, id, n, cancellationToken));

    [Function("ChangeMode")]
    public Task<IActionResult> ChangeModeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Mode)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => ApiActionResult.Of(api.For(client).ChangeModeAsync(request, id, cancellationToken));

    [Function("PauseStory")]
    public Task<IActionResult> PauseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Pause)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => ApiActionResult.Of(api.For(client).PauseAsync(request, id, cancellationToken));

    [Function("ResumeStory")]
    public Task<IActionResult> ResumeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Resume)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => ApiActionResult.Of(api.For(client).ResumeAsync(request, id, cancellationToken));

    [Function("CancelStory")]
    public Task<IActionResult> CancelAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Cancel)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => ApiActionResult.Of(api.For(client).CancelAsync(request, id, cancellationToken));

    [Function("RetryStory")]
    public Task<IActionResult> RetryAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Retry)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) => ApiActionResult.Of(api.For(client).RetryAsync(request, id, cancellationToken));
}
