using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace RecurrentGpt.TestSupport;

/// <summary>
/// Counts the HTTP requests a storage client sends (each attempt) and the response bytes it receives; each request is
/// also kept as a "METHOD path" line, so a test can say which requests (and which writes) an operation made.
/// </summary>
public sealed class RequestCounter : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<string> _sent = new();
    private long _requests;
    private long _responseBytes;

    public long Requests => Interlocked.Read(ref _requests);

    public long ResponseBytes => Interlocked.Read(ref _responseBytes);

    /// <summary>The requests sent since the counter was made or last cleared, in the order they were sent.</summary>
    public IReadOnlyList<string> Sent => [.. _sent];

    /// <summary>Those of <see cref="Sent"/> that write: anything but GET and HEAD.</summary>
    public IReadOnlyList<string> Writes => [.. _sent.Where(line => !line.StartsWith("GET ", StringComparison.Ordinal) && !line.StartsWith("HEAD ", StringComparison.Ordinal))];

    public void ClearSent() => _sent.Clear();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
        Count(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        await ProcessNextAsync(message, pipeline);
        Count(message);
    }

    private void Record(HttpMessage message)
    {
        Interlocked.Increment(ref _requests);
        _sent.Enqueue($"{message.Request.Method} {Uri.UnescapeDataString(message.Request.Uri.Path)}");
    }

    private void Count(HttpMessage message)
    {
        if (!message.HasResponse)
        {
            return;
        }

        // Responses are buffered unless streamed; a streamed one still states its length.
        long bytes = message.Response.ContentStream is MemoryStream buffered ? buffered.Length : message.Response.Headers.ContentLength ?? 0;
        Interlocked.Add(ref _responseBytes, bytes);
    }
}
