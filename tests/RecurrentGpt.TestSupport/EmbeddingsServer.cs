using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RecurrentGpt.TestSupport;

/// <summary>One embeddings call as the server received it.</summary>
public sealed record EmbeddingsRequest(
    string Path,
    string Deployment,
    string? ApiVersion,
    string? ApiKey,
    string? Authorization,
    IReadOnlyList<string> Inputs,
    int? Dimensions,
    string? EncodingFormat,
    string Body);

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers Azure OpenAI embeddings calls
/// (<c>POST /openai/deployments/{deployment}/embeddings?api-version=…</c>) with deterministic vectors and records every request.
/// </summary>
public sealed class EmbeddingsServer : IAsyncDisposable
{
    public const int DefaultDimensions = 8;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<EmbeddingsRequest> _requests = new();

    private EmbeddingsServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>Base address to use as the Azure OpenAI resource endpoint.</summary>
    public Uri Endpoint { get; }

    public IReadOnlyList<EmbeddingsRequest> Requests => [.. _requests];

    public static async Task<EmbeddingsServer> StartAsync(CancellationToken cancellationToken = default)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();

        EmbeddingsServer? server = null;
        app.MapPost("/openai/deployments/{deployment}/embeddings", (HttpContext context, string deployment) => server!.AnswerAsync(context, deployment));
        await app.StartAsync(cancellationToken);

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server = new EmbeddingsServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>The vector the server returns for <paramref name="text"/>: derived from its bytes, so tests can predict it.</summary>
    public static float[] VectorFor(string text, int dimensions)
    {
        var vector = new float[dimensions];
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        for (int i = 0; i < bytes.Length; i++)
        {
            vector[i % dimensions] += bytes[i] / 255f;
        }

        vector[0] += text.Length;
        return vector;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context, string deployment)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        using JsonDocument json = JsonDocument.Parse(body);
        JsonElement root = json.RootElement;
        IReadOnlyList<string> inputs = ReadInputs(root.GetProperty("input"));
        int? dimensions = root.TryGetProperty("dimensions", out JsonElement d) ? d.GetInt32() : null;
        string? encodingFormat = root.TryGetProperty("encoding_format", out JsonElement f) ? f.GetString() : null;

        _requests.Enqueue(new EmbeddingsRequest(
            context.Request.Path.Value ?? "",
            deployment,
            context.Request.Query["api-version"].FirstOrDefault(),
            context.Request.Headers["api-key"].FirstOrDefault(),
            context.Request.Headers.Authorization.FirstOrDefault(),
            inputs,
            dimensions,
            encodingFormat,
            body));

        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(ResponseBody(deployment, inputs, dimensions ?? DefaultDimensions, encodingFormat == "base64"), context.RequestAborted);
    }

    private static IReadOnlyList<string> ReadInputs(JsonElement input) =>
        input.ValueKind == JsonValueKind.Array
            ? input.EnumerateArray().Select(item => item.GetString() ?? "").ToArray()
            : [input.GetString() ?? ""];

    private static byte[] ResponseBody(string deployment, IReadOnlyList<string> inputs, int dimensions, bool base64)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("object", "list");
            writer.WriteStartArray("data");
            for (int i = 0; i < inputs.Count; i++)
            {
                float[] vector = VectorFor(inputs[i], dimensions);
                writer.WriteStartObject();
                writer.WriteString("object", "embedding");
                writer.WriteNumber("index", i);
                if (base64)
                {
                    // The OpenAI client asks for base64 by default: little-endian float32 bytes.
                    writer.WriteString("embedding", Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan())));
                }
                else
                {
                    writer.WriteStartArray("embedding");
                    foreach (float value in vector)
                    {
                        writer.WriteNumberValue(value);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("model", deployment);
            int tokens = inputs.Sum(text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
            writer.WriteStartObject("usage");
            writer.WriteNumber("prompt_tokens", tokens);
            writer.WriteNumber("total_tokens", tokens);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
