namespace RecurrentGpt.Infrastructure.Storage.Azurite;

/// <summary>Azurite could not be installed or started; the message says why in one line.</summary>
public sealed class AzuriteUnavailableException(string message) : Exception(message);
