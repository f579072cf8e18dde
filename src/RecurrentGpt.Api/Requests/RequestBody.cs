using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RecurrentGpt.Api.Problems;
using RecurrentGpt.Workflow.Contracts;

namespace RecurrentGpt.Api.Requests;

/// <summary>Reads a request body under the size limit (413 past it) and parses JSON with clear 400s for what is malformed.</summary>
public static class RequestBody
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public static async Task<byte[]> ReadBytesAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw ApiProblem.TooLarge($"the body has {request.ContentLength} bytes; the limit is {maxBytes}");
        }

        // Content-Length may be absent (chunked): count while reading and stop one byte past the limit.
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        while (true)
        {
            int read = await ReadChunkAsync(request.Body, chunk.AsMemory(0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length)), cancellationToken);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw ApiProblem.TooLarge($"the body is over the limit of {maxBytes} bytes");
            }
        }
    }

    /// <summary>
    /// A body the server cannot make sense of (a chunk size past 32 bits, framing a server lets through as a bare I/O
    /// error) is the client's malformed request, on every host: 400, never 500. The server's own refusals keep their status.
    /// </summary>
    private static async Task<int> ReadChunkAsync(Stream body, Memory<byte> chunk, CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(chunk, cancellationToken);
        }
        catch (IOException ex) when (ex is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw TransportProblems.Unreadable(ex);
        }
    }

    public static async Task<T> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class => Parse<T>(await ReadBytesAsync(request, ApiLimits.MaxBodyBytes, cancellationToken), request.ContentType);

    public static T Parse<T>(byte[] body, string? contentType)
        where T : class
    {
        if (contentType is not null && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiProblem(415, "unsupported-media-type", "Send JSON", $"the body must be application/json, not {contentType}");
        }

        // A byte-order mark says "UTF-8", which JSON is anyway: read past it.
        ReadOnlySpan<byte> json = body.AsSpan().StartsWith(Utf8Bom) ? body.AsSpan(Utf8Bom.Length) : body;
        if (json.IsEmpty)
        {
            throw ApiProblem.Invalid("the body is empty; send a JSON object");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, ContractJson.Options) ?? throw ApiProblem.Invalid("the body must be a JSON object, not null");
        }
        catch (JsonException ex)
        {
            throw ApiProblem.Invalid(Describe(ex));
        }
    }

    /// <summary>Says what is wrong in the client's terms: the serializer's own messages name .NET types.</summary>
    private static string Describe(JsonException ex)
    {
        string path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
        if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return $"unknown field {path}; see /api/openapi.json for the fields this route takes";
        }

        // Text that is not text: a lone surrogate escaped in the JSON, or bytes that are not UTF-8.
        if (ex.InnerException is InvalidOperationException { Message: var reason } && reason.Contains("surrogate", StringComparison.Ordinal))
        {
            return $"{path} has a lone surrogate (\\ud800–\\udfff without its pair): send text as valid Unicode";
        }

        if (ex.InnerException is InvalidOperationException { Message: var transcoding } && transcoding.Contains("invalid UTF-8", StringComparison.Ordinal))
        {
            return $"{path} is not valid UTF-8: send the body as UTF-8";
        }

        if (ex.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return $"{path} has a value of the wrong type";
        }

        return ex.LineNumber is long line
            ? $"the body is not valid JSON (near {path}, line {line + 1}, byte {ex.BytePositionInLine + 1})"
            : $"the body is not valid JSON (near {path})";
    }
}
