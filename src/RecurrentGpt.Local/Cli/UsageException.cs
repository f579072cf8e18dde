namespace RecurrentGpt.Local.Cli;

/// <summary>Bad input on the command line: reported as one clear line and exit code 2, never a stack trace.</summary>
internal sealed class UsageException(string message) : Exception(message);
