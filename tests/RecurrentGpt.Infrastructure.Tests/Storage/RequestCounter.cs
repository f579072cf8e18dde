using Azure.Core;
using Azure.Core.Pipeline;

namespace RecurrentGpt.Infrastructure.Tests.Storage;

/// <summary>Counts the HTTP requests a storage client sends (each attempt) and the response bytes it receives.</summary>
internal sealed class RequestCounter : HttpPipelinePolicy
{
    private long _requests;
    private long _responseBytes;

    public long Requests => Interlocked.Read(ref _requests);

    public long ResponseBytes => Interlocked.Read(ref _responseBytes);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _requests);
        ProcessNext(message, pipeline);
        Count(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _requests);
        await ProcessNextAsync(message, pipeline);
        Count(message);
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
