using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RecurrentGpt.Workflow.Signing;

namespace RecurrentGpt.Workflow.Tests.Notifications;

/// <summary>A callback as the receiver got it: the signing headers and the exact body bytes.</summary>
internal sealed record ReceivedCallback(string Path, string? Timestamp, string? Signature, string? Delivery, string? ContentType, byte[] Body);

/// <summary>
/// A subscriber on 127.0.0.1 (Kestrel, free port) that records every POST and answers from a script of status codes,
/// 200 once the script is empty. A scripted answer may be delayed, to play a receiver that does not answer in time.
/// </summary>
internal sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Queue<(int Status, TimeSpan Delay, string? RetryAfter)> _script = new();
    private readonly List<ReceivedCallback> _received = [];

    private CallbackReceiver(WebApplication app) => _app = app;

    /// <summary>The receiver's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public int Port => BaseUrl.Port;

    public IReadOnlyList<ReceivedCallback> Received
    {
        get
        {
            lock (_gate)
            {
                return _received.ToArray();
            }
        }
    }

    public static async Task<CallbackReceiver> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var receiver = new CallbackReceiver(app);
        app.MapFallback(receiver.AnswerAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    public CallbackReceiver Answer(int status, TimeSpan delay = default, string? retryAfter = null)
    {
        lock (_gate)
        {
            _script.Enqueue((status, delay, retryAfter));
        }

        return this;
    }

    /// <summary>Polls until at least <paramref name="count"/> callbacks arrived, failing after the deadline.</summary>
    public async Task<IReadOnlyList<ReceivedCallback>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? TimeSpan.FromSeconds(60);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            IReadOnlyList<ReceivedCallback> received = Received;
            if (received.Count >= count)
            {
                return received;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"expected {count} callback(s) within {limit.TotalSeconds} s, got {Received.Count}: {string.Join(", ", Received.Select(r => r.Delivery))}");
    }

    public async ValueTask DisposeAsync()
    {
        using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(shutdown.Token);
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        (int Status, TimeSpan Delay, string? RetryAfter) reply = (200, TimeSpan.Zero, null);
        lock (_gate)
        {
            IHeaderDictionary headers = context.Request.Headers;
            _received.Add(new ReceivedCallback(
                context.Request.Path.Value ?? string.Empty,
                headers[WebhookSignature.TimestampHeader].FirstOrDefault(),
                headers[WebhookSignature.SignatureHeader].FirstOrDefault(),
                headers[WebhookSignature.DeliveryHeader].FirstOrDefault(),
                context.Request.ContentType,
                buffer.ToArray()));
            if (_script.TryDequeue(out var scripted))
            {
                reply = scripted;
            }
        }

        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (reply.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = reply.RetryAfter;
        }

        context.Response.StatusCode = reply.Status;
    }
}
