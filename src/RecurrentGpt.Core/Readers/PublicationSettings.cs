using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Core.Readers;

/// <summary>
/// What a writer publishes: the step readers start after, what they may choose, and how much they may spend — steps per
/// reader, and tokens per UTC day across all readers.
/// </summary>
public sealed record PublicationSettings(int FromStep, PublicationChoices Choices, int ReaderQuota, long DailyCap, StoryLanguage? Language)
{
    public const int MaxReaderQuota = 1000;
    public const long MaxDailyCap = 100_000_000;

    /// <summary>The longest free choice a reader may type (a plan is longer, but a reader's words go into every later prompt).</summary>
    public const int MaxFreeChoiceChars = 300;

    /// <summary>The longest reader note (a protagonist's name, tone, length).</summary>
    public const int MaxNoteChars = 300;

    /// <summary>What is wrong with the settings, or null.</summary>
    public string? Problem() =>
        FromStep < 0 ? "fromStep must be a whole number from 0"
        : ReaderQuota is < 1 or > MaxReaderQuota ? $"readerQuota must be a whole number of steps from 1 to {MaxReaderQuota}"
        : DailyCap is < 1 or > MaxDailyCap ? $"dailyCap must be a whole number of tokens from 1 to {MaxDailyCap}"
        : null;

    public bool AllowsPlans => Choices is PublicationChoices.Plans or PublicationChoices.Both;

    public bool AllowsFree => Choices is PublicationChoices.Free or PublicationChoices.Both;
}
