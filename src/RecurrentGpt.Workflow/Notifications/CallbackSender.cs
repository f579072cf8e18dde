using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using RecurrentGpt.Infrastructure.Models;
using RecurrentGpt.Workflow.Signing;

namespace RecurrentGpt.Workflow.Notifications;

/// <summary>
/// Posts signed notification bodies to callback URLs, retrying transient failures with doubling waits a bounded number of
/// times (a Polly pipeline: retry, then a timeout per attempt). Connections are made by its own connect callback, which resolves the host and connects only to addresses the
/// policy allows: the address checked is the address connected to, so DNS rebinding after creation gets nowhere.
/// </summary>
public sealed partial class CallbackSender : IDisposable
{
    private const int MaxAddressesTried = 8;

    private readonly NotificationOptions _options;
    private readonly CallbackUrlPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger<CallbackSender> _log;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<Attempt> _pipeline;

    public CallbackSender(IOptions<NotificationOptions> options, CallbackUrlPolicy policy, TimeProvider time, ILogger<CallbackSender> log)
    {
        _options = options.Value;
        _policy = policy;
        _time = time;
        _log = log;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = ConnectAsync,
            AllowAutoRedirect = false,

            // A proxy would make the connect callback reach the proxy, not the checked address.
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };

        // Per-attempt timeouts come from RequestTimeout on the injected clock, not from HttpClient.
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("RecurrentGPT-Notifications", "1"));
        _pipeline = BuildPipeline();
    }

    /// <summary>
    /// Delivers <paramref name="body"/> (UTF-8 JSON) once it is accepted with a 2xx. Throws
    /// <see cref="CallbackAddressRefusedException"/> at once for a refused address, <see cref="CallbackDeliveryException"/>
    /// for a permanent refusal or when every attempt failed, and <see cref="CallbackUrlRejectedException"/> for a URL the
    /// policy no longer accepts.
    /// </summary>
    public async Task SendAsync(string callbackUrl, string deliveryId, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        ArgumentNullException.ThrowIfNull(body);
        string secret = _options.IsConfigured
            ? _options.SigningSecret!
            : throw new InvalidOperationException($"notifications are not configured ({NotificationOptions.SectionName}:SigningSecret is not set)");

        // Settings may have tightened since the story was created (the development flag turned off, say).
        Uri uri = _policy.CheckUrl(callbackUrl);
        var attempts = 0;
        Attempt last;
        ResilienceContext context = ResilienceContextPool.Shared.Get($"{deliveryId} to host \"{uri.Host}\"", cancellationToken);
        try
        {
            last = await _pipeline.ExecuteAsync(
                async attempt =>
                {
                    attempts++;
                    return await AttemptAsync(uri, deliveryId, body, secret, attempt.CancellationToken);
                },
                context);
        }
        catch (HttpRequestException ex) when (Refusal(ex) is CallbackAddressRefusedException refused)
        {
            throw refused;
        }
        catch (HttpRequestException ex)
        {
            throw Failed(deliveryId, uri, attempts, ex.Message);
        }
        catch (TimeoutRejectedException)
        {
            throw Failed(deliveryId, uri, attempts, $"no answer within {_options.RequestTimeout.TotalSeconds:0.###} s");
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (!last.Delivered)
        {
            throw Failed(deliveryId, uri, attempts, last.Outcome);
        }

        LogDelivered(deliveryId, uri.Host, last.Status, attempts);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// Transient failures (a network error, no answer in time, 408, 429, 5xx) are retried up to MaxAttempts in all, after
    /// <see cref="DelayBefore"/>; each attempt has RequestTimeout. Anything else ends the sending at once.
    /// </summary>
    private ResiliencePipeline<Attempt> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<Attempt> { TimeProvider = _time };
        if (_options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = _options.MaxAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Delivered: false }
                    || args.Outcome.Exception is TimeoutRejectedException
                    || (args.Outcome.Exception is HttpRequestException failure && Refusal(failure) is null)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(DelayBefore(args.AttemptNumber + 2, args.Outcome.Result?.RetryAfter, _options)),
                OnRetry = args =>
                {
                    string outcome = args.Outcome.Result?.Outcome ?? (args.Outcome.Exception is TimeoutRejectedException
                        ? $"no answer within {_options.RequestTimeout.TotalSeconds:0.###} s"
                        : args.Outcome.Exception?.Message ?? "unknown");
                    LogRetrying(args.Context.OperationKey ?? string.Empty, args.AttemptNumber + 1, outcome, args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        return builder.AddTimeout(_options.RequestTimeout).Build();
    }

    /// <summary>One POST: delivered on a 2xx, a transient failure to retry, or a refusal that is not retried (thrown).</summary>
    private async ValueTask<Attempt> AttemptAsync(Uri uri, string deliveryId, byte[] body, string secret, CancellationToken cancellationToken)
    {
        using HttpRequestMessage request = Sign(uri, deliveryId, body, secret);
        using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        int status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return new Attempt(true, status, $"{status}", null);
        }

        string outcome = $"{status} {response.ReasonPhrase}";
        return IsTransient(response.StatusCode)
            ? new Attempt(false, status, outcome, RetryAfter.Read(response.Headers, _time.GetUtcNow()))
            : throw new CallbackDeliveryException($"callback {deliveryId} to host \"{uri.Host}\" was refused with {outcome}; a client error is not retried");
    }

    private CallbackDeliveryException Failed(string deliveryId, Uri uri, int attempts, string lastOutcome) =>
        new($"callback {deliveryId} to host \"{uri.Host}\" failed after {attempts} attempt{(attempts == 1 ? "" : "s")}; last: {lastOutcome}");

    /// <summary>What one attempt came to; <paramref name="RetryAfter"/> is the receiver's wish for a transient failure.</summary>
    private sealed record Attempt(bool Delivered, int Status, string Outcome, TimeSpan? RetryAfter);

    /// <summary>
    /// The wait before attempt <paramref name="attempt"/> (2 or later): doubling from FirstRetryDelay, or the receiver's
    /// Retry-After when it asks for longer; never more than MaxRetryDelay.
    /// </summary>
    internal static TimeSpan DelayBefore(int attempt, TimeSpan? retryAfter, NotificationOptions options)
    {
        double doublings = Math.Min(attempt - 2, 20);
        TimeSpan backoff = TimeSpan.FromTicks((long)Math.Min(options.FirstRetryDelay.Ticks * Math.Pow(2, doublings), options.MaxRetryDelay.Ticks));
        TimeSpan wanted = retryAfter is TimeSpan asked && asked > backoff ? asked : backoff;
        return wanted < options.MaxRetryDelay ? wanted : options.MaxRetryDelay;
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private HttpRequestMessage Sign(Uri uri, string deliveryId, byte[] body, string secret)
    {
        // Signed afresh for each attempt, so a retry after a long wait still falls inside the receiver's window.
        long now = _time.GetUtcNow().ToUnixTimeSeconds();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.Add(WebhookSignature.TimestampHeader, now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, now, body));
        request.Headers.Add(WebhookSignature.DeliveryHeader, deliveryId);
        return request;
    }

    private static CallbackAddressRefusedException? Refusal(Exception? exception)
    {
        // The connect callback's exception arrives wrapped by the handler; the chain is short, but stay bounded.
        for (int depth = 0; exception is not null && depth < 8; depth++, exception = exception.InnerException)
        {
            if (exception is CallbackAddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        DnsEndPoint endpoint = context.DnsEndPoint;
        bool plainHttp = context.InitialRequestMessage.RequestUri?.Scheme == Uri.UriSchemeHttp;
        IReadOnlyList<IPAddress> addresses;
        try
        {
            addresses = await _policy.AllowedAddressesAsync(endpoint.Host, plainHttp, cancellationToken);
        }
        catch (HostResolutionException ex)
        {
            // A resolver hiccup may pass: let the sender retry it like any network error.
            throw new HttpRequestException(ex.Message, ex);
        }

        SocketException? lastFailure = null;
        foreach (IPAddress address in addresses.Take(MaxAddressesTried))
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                lastFailure = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new HttpRequestException($"could not connect to host \"{endpoint.Host}\" on any allowed address", lastFailure);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback {DeliveryId} delivered to host {Host}: {Status} on attempt {Attempt}")]
    private partial void LogDelivered(string deliveryId, string host, int status, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback {Callback}, attempt {Attempt} failed ({Outcome}); retrying in {DelayMs} ms")]
    private partial void LogRetrying(string callback, int attempt, string outcome, double delayMs);
}
