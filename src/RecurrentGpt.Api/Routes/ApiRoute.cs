using Microsoft.AspNetCore.Http;
using RecurrentGpt.Api.Problems;

namespace RecurrentGpt.Api.Routes;

/// <summary>
/// One route of the v1 contract: its name (the Functions function's name), method, template under <c>/api</c>, who may
/// call it and its handler. <see cref="ApiRouteTable"/> lists them all; every host maps that list and nothing else.
/// </summary>
public sealed record ApiRoute(string Name, string Method, string Template, ApiAccess Access, Func<IServiceProvider, ApiCall, Task<IResult>> Handle)
{
    /// <summary>The route's path as a client writes it, e.g. <c>/api/stories/{id}</c>.</summary>
    public string Path => ApiRoutes.Prefix + "/" + Template;

    /// <summary>What a failure the client did not cause is answered with, when the route words it its own way.</summary>
    public ApiProblem? InternalFailure { get; init; }
}
