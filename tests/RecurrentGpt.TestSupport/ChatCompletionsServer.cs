using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RecurrentGpt.Infrastructure.Models;

namespace RecurrentGpt.TestSupport;

/// <summary>
/// A real HTTP server on 127.0.0.1 that speaks the chat-completions protocol in both URL shapes:
/// OpenAI-compatible (<c>/v1/chat/completions</c>, <c>/chat/completions</c>) and Azure OpenAI
/// (<c>/openai/deployments/{deployment}/chat/completions?api-version=…</c>).
/// It records every request and answers each from a script, in order; with the script empty it answers 500.
/// For seeded faults at a given rate, set <see cref="WhenScriptIsEmpty"/> to <see cref="FaultyReplies.Answer"/>.
/// </summary>
public sealed class ChatCompletionsServer : IAsyncDisposable
{
    private const string ChatCompletionsPath = "/chat/completions";
    private static readonly TimeSpan CutGrace = TimeSpan.FromMilliseconds(100);

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Queue<ScriptedReply> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();

    private ChatCompletionsServer(WebApplication app) => _app = app;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>; the Azure OpenAI endpoint is this URL.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The base URL an OpenAI-compatible client is given: the root plus <c>v1</c>, as OpenAI itself has it.</summary>
    public Uri OpenAIBaseUrl => new(BaseUrl, "v1");

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    public int PendingReplies
    {
        get
        {
            lock (_gate)
            {
                return _script.Count;
            }
        }
    }

    public static async Task<ChatCompletionsServer> StartAsync(CancellationToken cancellationToken = default)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var server = new ChatCompletionsServer(app);
        app.MapPost("/v1" + ChatCompletionsPath, server.AnswerAsync);
        app.MapPost(ChatCompletionsPath, server.AnswerAsync);
        app.MapPost("/openai/deployments/{deployment}" + ChatCompletionsPath, server.AnswerAsync);
        app.MapFallback(server.AnswerUnknownAsync);
        await app.StartAsync(cancellationToken);

        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>
    /// Answers requests once the script is empty, instead of the 500 an empty script gives: for instance
    /// <see cref="OfflineWriterReplies"/>, which lets a scripted failure be followed by a whole story.
    /// </summary>
    public Func<RecordedRequest, ScriptedReply>? WhenScriptIsEmpty { get; set; }

    /// <summary>The real OpenAI-compatible client, pointed at this server, with no retries of its own.</summary>
    public IChatClient ChatClient(string modelName = "story-model") => ChatClientFactory.Create(new ModelOptions
    {
        Provider = ModelProvider.OpenAICompatible,
        BaseUrl = OpenAIBaseUrl.ToString(),
        ModelName = modelName,
        MaxRetries = 0,
    });

    /// <summary>Adds replies to the end of the script.</summary>
    public ChatCompletionsServer Enqueue(params ScriptedReply[] replies)
    {
        lock (_gate)
        {
            foreach (ScriptedReply reply in replies)
            {
                _script.Enqueue(reply);
            }
        }

        return this;
    }

    /// <summary>Waits, polling until a deadline, for at least <paramref name="count"/> requests to have arrived.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            IReadOnlyList<RecordedRequest> requests = Requests;
            if (requests.Count >= count)
            {
                return requests;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Expected {count} request(s) within {timeout}, got {requests.Count}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(shutdown.Token);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        RecordedRequest request = await RecordAsync(context);
        ScriptedReply? reply;
        lock (_gate)
        {
            _script.TryDequeue(out reply);
        }

        reply ??= WhenScriptIsEmpty?.Invoke(request);

        if (reply is null)
        {
            await WriteErrorAsync(
                context,
                ScriptedReply.Error(500, $"ChatCompletionsServer: the script is empty; no reply for request #{request.Number} {request.Method} {request.Path}."),
                "script_exhausted");
            return;
        }

        if (reply.Delay > TimeSpan.Zero && !await DelayAsync(reply.Delay, context.RequestAborted))
        {
            return;
        }

        foreach ((string name, string value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (reply.RawBody is not null)
        {
            await SendAsync(context, reply, "application/json", reply.RawBody);
        }
        else if (!reply.IsCompletion)
        {
            await WriteErrorAsync(context, reply, code: null);
        }
        else
        {
            await WriteCompletionAsync(context, request, reply);
        }
    }

    private async Task AnswerUnknownAsync(HttpContext context)
    {
        RecordedRequest request = await RecordAsync(context);
        await WriteErrorAsync(
            context,
            ScriptedReply.Error(404, $"ChatCompletionsServer: no route for {request.Method} {request.Path}."),
            "unknown_route");
    }

    private async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        TimeSpan arrivedAfterStart = Stopwatch.GetElapsedTime(_startTimestamp);
        DateTimeOffset arrivedAt = DateTimeOffset.UtcNow;
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        string body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        lock (_gate)
        {
            var request = new RecordedRequest(
                _requests.Count + 1,
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                context.Request.QueryString.Value ?? string.Empty,
                headers,
                body,
                arrivedAt,
                arrivedAfterStart);
            _requests.Add(request);
            return request;
        }
    }

    private async Task WriteCompletionAsync(HttpContext context, RecordedRequest request, ScriptedReply reply)
    {
        (string? requestedModel, bool stream) = ReadModelAndStream(request.Body);
        string model = reply.Model
            ?? requestedModel
            ?? context.Request.RouteValues["deployment"] as string
            ?? "scripted-model";
        string id = "chatcmpl-" + request.Number.ToString(CultureInfo.InvariantCulture);
        if (stream)
        {
            await SendAsync(context, reply, "text/event-stream", ChatCompletionBodies.CompletionStream(id, model, reply, request.ArrivedAt));
        }
        else
        {
            await SendAsync(context, reply, "application/json", ChatCompletionBodies.Completion(id, model, reply, request.ArrivedAt));
        }
    }

    private async Task WriteErrorAsync(HttpContext context, ScriptedReply reply, string? code)
    {
        string body = ChatCompletionBodies.Error(
            reply.ErrorMessage ?? $"Scripted error {reply.StatusCode}.", ChatCompletionBodies.ErrorType(reply.StatusCode), code);
        await SendAsync(context, reply, "application/json", body);
    }

    private async Task SendAsync(HttpContext context, ScriptedReply reply, string contentType, string body)
    {
        context.Response.StatusCode = reply.StatusCode;
        context.Response.ContentType = contentType;
        if (!reply.CutsConnectionMidBody)
        {
            await context.Response.WriteAsync(body, context.RequestAborted);
            return;
        }

        // The whole length is announced, so the client can tell that what it got is short.
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        // A flush only hands the bytes to Kestrel's send loop, and an abort drops what it has not sent: let them go first.
        await DelayAsync(CutGrace, context.RequestAborted);
        context.Abort();
    }

    /// <summary>False when the wait was cut short by the client leaving or the server stopping.</summary>
    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken requestAborted)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, _stopping.Token);
        try
        {
            await Task.Delay(delay, either.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static (string? Model, bool Stream) ReadModelAndStream(string body)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            string? model = root.TryGetProperty("model", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            bool stream = root.TryGetProperty("stream", out JsonElement s) && s.ValueKind == JsonValueKind.True;
            return (model, stream);
        }
        catch (JsonException)
        {
            return (null, false);
        }
    }
}
