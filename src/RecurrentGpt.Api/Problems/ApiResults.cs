using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using RecurrentGpt.Workflow.Contracts;

namespace RecurrentGpt.Api.Problems;

/// <summary>
/// Results that write themselves with nothing but the response: the same bytes on Functions and on Kestrel, and a test
/// can run one on a bare <see cref="DefaultHttpContext"/>.
/// </summary>
public static class ApiResults
{
    public static IResult Json(int status, object body, string? etag = null, string? location = null) =>
        new BodyResult(status, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ContractJson.Options), etag, location, null);

    public static IResult Problem(ApiProblem problem, string? instance = null)
    {
        var body = new ProblemBody(problem.Type, problem.Title, problem.Status, problem.Detail, instance);
        return new BodyResult(problem.Status, "application/problem+json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(body, ContractJson.Options), null, null, null);
    }

    public static IResult Text(string text, string contentType, string? downloadName = null) =>
        new BodyResult(200, contentType, Encoding.UTF8.GetBytes(text), null, null, downloadName);

    public static IResult NoContent() => new BodyResult(204, null, [], null, null, null);

    private sealed record ProblemBody(string Type, string Title, int Status, string Detail, string? Instance);

    private sealed class BodyResult(int status, string? contentType, byte[] body, string? etag, string? location, string? downloadName) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            HttpResponse response = httpContext.Response;
            response.StatusCode = status;
            if (status == 413)
            {
                // The rest of an oversized body is left unread: tell the client not to reuse this connection for the next request.
                response.Headers.Connection = "close";
            }
            if (etag is not null)
            {
                response.Headers.ETag = etag;
            }

            if (location is not null)
            {
                response.Headers.Location = location;
            }

            if (downloadName is not null)
            {
                var disposition = new ContentDispositionHeaderValue("attachment");
                disposition.SetHttpFileName(downloadName);
                response.Headers.ContentDisposition = disposition.ToString();
            }

            if (contentType is null)
            {
                return;
            }

            response.ContentType = contentType;
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
