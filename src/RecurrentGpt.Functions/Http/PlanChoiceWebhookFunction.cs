using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RecurrentGpt.Api.Routes;

namespace RecurrentGpt.Functions.Http;

/// <summary>The plan-choice webhook (<see cref="ApiAccess.Signed"/>): anonymous at the host, because the handler checks the delivery's HMAC signature.</summary>
public sealed class PlanChoiceWebhookFunction(FunctionsHttp http)
{
    [Function(nameof(PlanChoiceWebhook))]
    public Task<IActionResult> PlanChoiceWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.PlanChoiceHook)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => http.RunAsync(request, client, RouteArgs.None, cancellationToken);
}
