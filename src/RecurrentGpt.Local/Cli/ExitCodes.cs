namespace RecurrentGpt.Local.Cli;

/// <summary>How rgpt ends (README, "Exit codes"): 0 only when the story reached its end.</summary>
internal static class ExitCodes
{
    /// <summary>The story is complete (or was cancelled, its final state); other commands: done.</summary>
    public const int Done = 0;

    /// <summary>Something unexpected, said in one line (storage that stopped answering mid-run, a bug).</summary>
    public const int Failed = 1;

    /// <summary>Bad input: an unknown option or id, an unwritable path, a setting that cannot work.</summary>
    public const int Usage = 2;

    /// <summary>The story needs attention (its model kept failing); <c>rgpt resume</c> retries it.</summary>
    public const int NeedsAttention = 3;

    /// <summary>The story made no progress for the watch's limit; it is left as it stands.</summary>
    public const int NoProgress = 4;

    /// <summary>The story is paused: input ended at a plan prompt, or someone else paused it (the studio, the API, another rgpt).</summary>
    public const int Paused = 5;

    /// <summary>Ctrl-C (or SIGTERM) paused the story, as a shell reports a process stopped by SIGINT.</summary>
    public const int Interrupted = 130;
}
