using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using RecurrentGpt.Api.Routes;
using RecurrentGpt.Functions.Engine;

namespace RecurrentGpt.Functions.Http;

/// <summary>
/// Runs the route of the v1 contract that an HTTP function is named after (its method's name, which the tests hold to the
/// <c>[Function]</c> name and the trigger's route), with the invocation's durable client, and returns its answer as is.
/// </summary>
public sealed class FunctionsHttp(ApiEndpoint endpoint, InvocationDurableClient clients)
{
    public async Task<IActionResult> RunAsync(HttpRequest request, DurableTaskClient client, RouteArgs args, CancellationToken cancellationToken, [CallerMemberName] string route = "")
    {
        clients.Use(client);
        return new ApiActionResult(await endpoint.RunAsync(ApiRouteTable.Named(route), request, args, cancellationToken));
    }

    /// <summary>A route that signals no story (the OpenAPI document) has no durable client to bind.</summary>
    public async Task<IActionResult> RunAsync(HttpRequest request, CancellationToken cancellationToken, [CallerMemberName] string route = "") =>
        new ApiActionResult(await endpoint.RunAsync(ApiRouteTable.Named(route), request, RouteArgs.None, cancellationToken));
}
