using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RecurrentGpt.Workflow.Api;

namespace RecurrentGpt.Functions.Http;

/// <summary>The plan-choice webhook: anonymous at the host, because the handler checks the delivery's HMAC signature.</summary>
public sealed class PlanChoiceWebhookFunction(StoryApiFactory api)
{
    [Function("PlanChoiceWebhook")]
    public Task<IActionResult> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.PlanChoiceHook)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => ApiActionResult.Of(api.WebhookFor(client).ReceiveAsync(request, cancellationToken));
}
