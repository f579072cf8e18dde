namespace RecurrentGpt.Local.Runtime.Azurite;

/// <summary>Azurite could not be installed or started; the message says why in one line.</summary>
public sealed class AzuriteUnavailableException(string message) : Exception(message);
