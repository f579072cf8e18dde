using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace RecurrentGpt.TestSupport;

/// <summary>
/// Builds an ASP.NET Core request on a <see cref="DefaultHttpContext"/> for calling a handler or function class directly,
/// and reads back what its result wrote — status, headers and body — as a real server would send it.
/// </summary>
public sealed class HttpCall
{
    private HttpCall(DefaultHttpContext context) => Context = context;

    public DefaultHttpContext Context { get; }

    public HttpRequest Request => Context.Request;

    public static HttpCall To(string method, string path, string? query = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost", 7071);
        context.Request.Path = path;
        if (query is not null)
        {
            context.Request.QueryString = new QueryString(query.StartsWith('?') ? query : "?" + query);
        }

        context.Response.Body = new MemoryStream();
        return new HttpCall(context);
    }

    public HttpCall WithJson(object body) => WithBody(JsonSerializer.Serialize(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)));

    public HttpCall WithBody(string body, string contentType = "application/json") => WithBytes(Encoding.UTF8.GetBytes(body), contentType);

    public HttpCall WithBytes(byte[] body, string? contentType = "application/json")
    {
        Context.Request.Body = new MemoryStream(body);
        Context.Request.ContentLength = body.Length;
        Context.Request.ContentType = contentType;
        return this;
    }

    public HttpCall WithHeader(string name, string value)
    {
        Context.Request.Headers[name] = new StringValues(value);
        return this;
    }

    /// <summary>Runs a minimal-API style result against this context and reads the response.</summary>
    public async Task<HttpAnswer> RunAsync(IResult result)
    {
        await result.ExecuteAsync(Context);
        return Answer();
    }

    /// <summary>Reads what was written to the response so far.</summary>
    public HttpAnswer Answer()
    {
        var body = (MemoryStream)Context.Response.Body;
        return new HttpAnswer(Context.Response.StatusCode, Context.Response.ContentType ?? string.Empty, Encoding.UTF8.GetString(body.ToArray()), Context.Response.Headers);
    }
}

/// <summary>A response as the client would see it.</summary>
public sealed record HttpAnswer(int Status, string ContentType, string Body, IHeaderDictionary Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? ETag => Headers.ETag.Count > 0 ? Headers.ETag.ToString() : null;

    /// <summary>The problem type without its URN prefix, e.g. "stale-step"; fails the test if the body is not problem+json.</summary>
    public string ProblemType
    {
        get
        {
            if (!ContentType.StartsWith("application/problem+json", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"expected a problem+json answer, got {Status} {ContentType}: {Body}");
            }

            return Json.GetProperty("type").GetString()!.Replace("urn:recurrentgpt:problem:", string.Empty, StringComparison.Ordinal);
        }
    }

    public string Text(string property) => Json.GetProperty(property).GetString()!;

    public int Number(string property) => Json.GetProperty(property).GetInt32();

    public override string ToString() => $"{Status} {ContentType}: {Body}";
}
