using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecurrentGpt.Infrastructure.Models;
using RecurrentGpt.Workflow.Signing;

namespace RecurrentGpt.Workflow.Notifications;

/// <summary>
/// Posts signed notification bodies to callback URLs, retrying transient failures with doubling waits a bounded number of
/// times. Connections are made by its own connect callback, which resolves the host and connects only to addresses the
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
        string lastOutcome = "no attempt";
        for (int attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            TimeSpan? retryAfter = null;
            using (var timeout = new CancellationTokenSource(_options.RequestTimeout, _time))
            using (var attemptToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                try
                {
                    using HttpRequestMessage request = Sign(uri, deliveryId, body, secret);
                    using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptToken.Token);
                    int status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        LogDelivered(deliveryId, uri.Host, status, attempt);
                        return;
                    }

                    lastOutcome = $"{status} {response.ReasonPhrase}";
                    if (!IsTransient(response.StatusCode))
                    {
                        throw new CallbackDeliveryException(
                            $"callback {deliveryId} to host \"{uri.Host}\" was refused with {lastOutcome}; a client error is not retried");
                    }

                    retryAfter = RetryAfter.Read(response.Headers, _time.GetUtcNow());
                }
                catch (HttpRequestException ex) when (Refusal(ex) is CallbackAddressRefusedException refused)
                {
                    throw refused;
                }
                catch (HttpRequestException ex)
                {
                    lastOutcome = ex.Message;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    lastOutcome = $"no answer within {_options.RequestTimeout.TotalSeconds:0.###} s";
                }
            }

            if (attempt < _options.MaxAttempts)
            {
                TimeSpan delay = DelayBefore(attempt + 1, retryAfter, _options);
                LogRetrying(deliveryId, uri.Host, attempt, lastOutcome, delay.TotalMilliseconds);
                await Task.Delay(delay, _time, cancellationToken);
            }
        }

        throw new CallbackDeliveryException(
            $"callback {deliveryId} to host \"{uri.Host}\" failed after {_options.MaxAttempts} attempts; last: {lastOutcome}");
    }

    public void Dispose() => _http.Dispose();

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback {DeliveryId} to host {Host}, attempt {Attempt} failed ({Outcome}); retrying in {DelayMs} ms")]
    private partial void LogRetrying(string deliveryId, string host, int attempt, string outcome, double delayMs);
}
