using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.Json;
using RecurrentGpt.Core.Writing;

namespace RecurrentGpt.Infrastructure.Models;

/// <summary>
/// Turns what the SDK throws when a model cannot answer into Core's <see cref="ModelUnavailableException"/>:
/// status kept, message clear, and no secret in the message or in a carried inner exception.
/// </summary>
internal sealed class ModelFailures(ModelOptions options, TimeSpan longestWait, IReadOnlyList<string> secrets)
{
    private const int MaxServerMessageLength = 300;

    // Copied now: the options object is mutable and may change after the client is built.
    private readonly string _model = options.Describe();
    private readonly int _maxRetries = options.MaxRetries;
    private readonly int _networkTimeoutSeconds = options.NetworkTimeoutSeconds;

    /// <summary>The translated exception, or null when <paramref name="exception"/> is not a model failure (e.g. the caller cancelled).</summary>
    public ModelUnavailableException? Translate(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        // After retrying a failure without a response (refused, timed out) the SDK throws every attempt's exception at once.
        Exception last = exception is AggregateException { InnerExceptions.Count: > 0 } attempts ? attempts.InnerExceptions[^1] : exception;
        return last switch
        {
            ClientResultException { Status: > 0 } answered => FromStatus(answered, exception),
            // A connection cut while the body is read surfaces as a bare IOException from the response stream.
            ClientResultException or HttpRequestException or IOException => new ModelUnavailableException(
                $"{_model} could not be reached{RetryNote()}: {Redact((last.InnerException ?? last).Message)}", null, Safe(exception)),
            // The SDK's per-attempt network timeout surfaces as a cancellation the caller did not ask for.
            OperationCanceledException or TimeoutException => new ModelUnavailableException(
                $"{_model} did not answer within {_networkTimeoutSeconds} s{RetryNote()}.", null, Safe(exception)),
            _ => null,
        };
    }

    private ModelUnavailableException FromStatus(ClientResultException answered, Exception thrown)
    {
        PipelineResponse? response = answered.GetRawResponse();
        int status = answered.Status;
        string reason = string.IsNullOrWhiteSpace(response?.ReasonPhrase) ? string.Empty : " " + response.ReasonPhrase;
        string retried = IsRetried(status) ? RetryNote() : string.Empty;
        string waitNote = string.Empty;
        if (response is not null && RetryAfter.Read(response.Headers) is TimeSpan wait)
        {
            string seconds = wait.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
            bool tooLong = wait > longestWait;
            waitNote = tooLong
                ? $"; it asked to wait {seconds} s, longer than the client waits ({longestWait.TotalSeconds:0} s), so it was not retried"
                : $"; it asked to wait {seconds} s";
            retried = tooLong ? string.Empty : retried;
        }

        string serverMessage = ServerMessage(response) is string text ? ": " + text : string.Empty;
        return new ModelUnavailableException($"{_model} answered HTTP {status}{reason}{retried}{waitNote}{serverMessage}", status, Safe(thrown));
    }

    private string RetryNote() =>
        _maxRetries > 0 ? $" after {_maxRetries} retr{(_maxRetries == 1 ? "y" : "ies")}" : string.Empty;

    /// <summary>The statuses the client's retry policy retries; others fail on the first answer.</summary>
    private static bool IsRetried(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    private string? ServerMessage(PipelineResponse? response)
    {
        string? text = null;
        try
        {
            string? raw = response?.Content?.ToString();
            if (string.IsNullOrWhiteSpace(raw))
            {
                return null;
            }

            text = raw;
            using JsonDocument document = JsonDocument.Parse(raw);
            JsonElement root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out JsonElement error))
            {
                text = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out JsonElement message)
                    ? message.ToString()
                    : error.ToString();
            }
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out JsonElement message))
            {
                text = message.ToString();
            }
        }
        catch (JsonException)
        {
            // Not JSON: the raw text, shortened below, is the best description there is.
        }
        catch (InvalidOperationException)
        {
            // The response body was streamed and is not buffered: nothing to quote.
        }

        if (text is null)
        {
            return null;
        }

        text = Redact(text.Trim());
        return text.Length <= MaxServerMessageLength ? text : text[..MaxServerMessageLength] + "…";
    }

    private string Redact(string text)
    {
        foreach (string secret in secrets)
        {
            text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The SDK's exception quotes the response body; a server that echoes the key would leak it, so such an inner is dropped.</summary>
    private Exception? Safe(Exception exception)
    {
        string everything = exception.ToString();
        return secrets.Any(secret => everything.Contains(secret, StringComparison.Ordinal)) ? null : exception;
    }
}
