namespace RecurrentGpt.Core.Story;

/// <summary>
/// How long what a person writes into a story may be: one value for each kind of text, whoever takes it in (the API,
/// the webhook, rgpt's prompts). Limits of the transport itself (body bytes, page sizes) belong to the HTTP contract.
/// </summary>
public static class StoryLimits
{
    public const int MaxTopicChars = 500;
    public const int MaxGenreChars = 100;
    public const int MaxDescriptionChars = 4_000;

    /// <summary>A plan: picked, edited, the writer's own, or one of the three in a memory edit.</summary>
    public const int MaxPlanChars = 4_000;

    /// <summary>The short-term memory as text; its cap in words (<see cref="Writing.WriterSettings.MemoryCapUnits"/>) applies too.</summary>
    public const int MaxMemoryChars = 16_000;

    public const int MaxParagraphChars = 20_000;

    public const int MaxTargetParagraphs = 10_000;

    /// <summary>Inherited paragraphs a fork may rewrite as its own; they are listed in its state row, which must stay small.</summary>
    public const int MaxOverrides = 200;
}
