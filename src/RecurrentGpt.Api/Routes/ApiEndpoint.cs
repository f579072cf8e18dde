using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RecurrentGpt.Api.Problems;

namespace RecurrentGpt.Api.Routes;

/// <summary>
/// Runs a route's handler the one way both hosts do: every refusal as problem+json, and any other failure logged with
/// the route and answered without detail, never a stack trace.
/// </summary>
public sealed partial class ApiEndpoint(IServiceProvider services, ILogger<ApiEndpoint> log)
{
    private static readonly ApiProblem InternalFailure =
        new(500, "internal", "The request failed", "the server could not complete the request; it is logged and nothing was lost");

    public Task<IResult> RunAsync(ApiRoute route, HttpRequest request, RouteArgs args, CancellationToken cancellationToken) =>
        ProblemBoundary.RunAsync(
            request,
            () => route.Handle(services, new ApiCall(request, args, cancellationToken)),
            ex => LogFailure(route.Name, request.Method, request.Path.Value ?? string.Empty, ex),
            route.InternalFailure ?? InternalFailure);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Route}: {Method} {Path} failed")]
    private partial void LogFailure(string route, string method, string path, Exception ex);
}
