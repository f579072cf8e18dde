using Microsoft.AspNetCore.Http;

namespace RecurrentGpt.Api.Problems;

/// <summary>
/// A body the server itself refused while the handler read it (Kestrel's <see cref="BadHttpRequestException"/>): past
/// the server's size cap, slower than its minimum rate, cut short or badly chunked. The client caused it, so it is a 4xx.
/// </summary>
public static class TransportProblems
{
    public static ApiProblem Of(BadHttpRequestException refused) => refused.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => ApiProblem.TooLarge($"the body is over the limit of {ApiLimits.MaxBodyBytes} bytes"),
        StatusCodes.Status408RequestTimeout => new ApiProblem(408, "body-too-slow", "The request body came too slowly",
            "the body arrived slower than the server's minimum rate and was given up; send it again in one go"),
        int status => new ApiProblem(status is >= 400 and < 500 ? status : 400, "malformed-body", "The request body could not be read",
            $"the body is malformed or ended before its declared length ({refused.Message})"),
    };

    /// <summary>A body read that failed below HTTP (framing the server passed on as an I/O error).</summary>
    public static ApiProblem Unreadable(IOException failure) => new(400, "malformed-body", "The request body could not be read",
        $"the body is malformed or ended before its declared length ({failure.Message})");
}
