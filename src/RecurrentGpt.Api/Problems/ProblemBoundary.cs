using Microsoft.AspNetCore.Http;
using RecurrentGpt.Workflow.Notifications;
using RecurrentGpt.Workflow.Refusals;

namespace RecurrentGpt.Api.Problems;

/// <summary>
/// Where every handler of the contract meets its failures: whatever a client can cause is answered as problem+json, and
/// anything else is logged by the caller and answered without detail (<paramref name="internalFailure"/>), never a stack trace.
/// </summary>
internal static class ProblemBoundary
{
    public static async Task<IResult> RunAsync(HttpRequest request, Func<Task<IResult>> handle, Action<Exception> logFailure, ApiProblem internalFailure)
    {
        string instance = request.Path.Value ?? string.Empty;
        try
        {
            return await handle();
        }
        catch (ApiProblem problem)
        {
            return ApiResults.Problem(problem, instance);
        }
        catch (StoryRefusedException refused)
        {
            return ApiResults.Problem(RefusalProblems.Of(refused), instance);
        }
        catch (StoryNotFoundException ex)
        {
            return ApiResults.Problem(ApiProblem.NotFound(ex.Message), instance);
        }
        catch (CallbackUrlRejectedException ex)
        {
            return ApiResults.Problem(new ApiProblem(400, "callback-url-refused", "The callback URL is refused", ex.Message), instance);
        }
        catch (ArgumentException ex)
        {
            return ApiResults.Problem(ApiProblem.Invalid(ex.Message), instance);
        }
        catch (BadHttpRequestException refused)
        {
            // The server's own limits on the body (its size cap, its minimum data rate, its framing), met while reading it.
            return ApiResults.Problem(TransportProblems.Of(refused), instance);
        }
        catch (Exception ex) when (request.HttpContext.RequestAborted.IsCancellationRequested && CausedByCancellation(ex))
        {
            // The client went away mid-request; a client library may wrap the cancellation (gRPC's RpcException "Cancelled").
            return ApiResults.Problem(new ApiProblem(499, "client-closed-request", "The client went away", "the request was cancelled"), instance);
        }
        catch (Exception ex)
        {
            logFailure(ex);
            return ApiResults.Problem(internalFailure, instance);
        }
    }

    private static bool CausedByCancellation(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is OperationCanceledException)
            {
                return true;
            }
        }

        return false;
    }
}
