namespace RecurrentGpt.Core.Writing;

/// <summary>The model could not be reached or kept failing after the client's bounded retries.</summary>
public sealed class ModelUnavailableException(string message, int? statusCode, Exception? inner = null)
    : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
}
