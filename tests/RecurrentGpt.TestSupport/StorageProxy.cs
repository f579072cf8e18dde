using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RecurrentGpt.Local.Runtime.Azurite;

namespace RecurrentGpt.TestSupport;

/// <summary>
/// A reverse proxy in front of Azurite's three services, for a process under test to use as its storage: it forwards
/// every request unchanged and records it as a "METHOD path?query" line, and a <see cref="Trap"/> can stop at any
/// request, before it reaches Azurite or after Azurite has answered (the write landed, the caller never hears so). A
/// SIGKILL test kills the child there.
/// </summary>
public sealed class StorageProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Transfer-Encoding", "Keep-Alive", "Upgrade", "Proxy-Connection", "TE", "Trailer",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _forward = new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, UseCookies = false, UseProxy = false });
    private readonly Dictionary<int, int> _targets;
    private readonly Lock _gate = new();
    private readonly List<string> _seen = [];

    private StorageProxy(WebApplication app, Dictionary<int, int> targets, AzuriteEndpoints endpoints)
    {
        _app = app;
        _targets = targets;
        Endpoints = endpoints;
    }

    /// <summary>Where the proxy listens: give <c>Endpoints.ConnectionString</c> to the process under test.</summary>
    public AzuriteEndpoints Endpoints { get; }

    /// <summary>
    /// Asked about each request before it is forwarded, with the request's number (from 1) and line. Returning
    /// <see cref="TrapAction.Before"/> or <see cref="TrapAction.After"/> runs <see cref="Sprung"/> at that moment, and the
    /// caller is answered 503 (it is expected to be dead by then).
    /// </summary>
    public Func<int, string, TrapAction>? Trap { get; set; }

    /// <summary>What to do when the trap springs: kill the child.</summary>
    public Action? Sprung { get; set; }

    /// <summary>The requests seen since start or the last <see cref="Clear"/>, in order of arrival.</summary>
    public IReadOnlyList<string> Seen
    {
        get
        {
            lock (_gate)
            {
                return [.. _seen];
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _seen.Clear();
        }
    }

    public static async Task<StorageProxy> StartAsync(AzuriteEndpoints azurite)
    {
        AzuriteEndpoints mine = AzuriteEndpoints.OnFreePorts();
        var targets = new Dictionary<int, int>
        {
            [mine.BlobPort] = azurite.BlobPort,
            [mine.QueuePort] = azurite.QueuePort,
            [mine.TablePort] = azurite.TablePort,
        };
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (int port in targets.Keys)
            {
                kestrel.Listen(IPAddress.Loopback, port);
            }
        });
        WebApplication app = builder.Build();
        var proxy = new StorageProxy(app, targets, mine);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _forward.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        string line = $"{context.Request.Method} {WebUtility.UrlDecode(context.Request.Path + context.Request.QueryString)}";
        int number;
        lock (_gate)
        {
            _seen.Add(line);
            number = _seen.Count;
        }

        TrapAction action = Trap?.Invoke(number, line) ?? TrapAction.None;
        if (action == TrapAction.Before)
        {
            Spring(context);
            return;
        }

        using HttpRequestMessage request = await CopyRequestAsync(context);
        using HttpResponseMessage response = await _forward.SendAsync(request, HttpCompletionOption.ResponseContentRead, context.RequestAborted);
        if (action == TrapAction.After)
        {
            Spring(context);
            return;
        }

        context.Response.StatusCode = (int)response.StatusCode;
        foreach ((string name, IEnumerable<string> values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopHeaders.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private void Spring(HttpContext context)
    {
        Sprung?.Invoke();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
    }

    private async Task<HttpRequestMessage> CopyRequestAsync(HttpContext context)
    {
        int target = _targets[context.Connection.LocalPort];
        var request = new HttpRequestMessage(new HttpMethod(context.Request.Method),
            $"http://127.0.0.1:{target}{context.Request.Path}{context.Request.QueryString}");
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        // A request sent without a body (most GETs) is forwarded without one: an added Content-Length would not be signed.
        request.Content = body.Length > 0 || context.Request.ContentLength is not null ? new ByteArrayContent(body.ToArray()) : null;
        foreach ((string name, Microsoft.Extensions.Primitives.StringValues values) in context.Request.Headers)
        {
            if (HopHeaders.Contains(name))
            {
                continue;
            }

            // Content headers go on the content, the rest on the request, exactly as sent (the signature covers them).
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        return request;
    }
}

/// <summary>Where a <see cref="StorageProxy"/> trap stops a request.</summary>
public enum TrapAction
{
    None,

    /// <summary>Before the request reaches storage: it never happened.</summary>
    Before,

    /// <summary>After storage answered: it happened, and the caller never learns so.</summary>
    After,
}
