namespace RecurrentGpt.Core.Story;

/// <summary>Where a story's life stands: the one place that says when it has ended and what comes after a commit.</summary>
public static class StoryLifecycle
{
    /// <summary>Completed or cancelled: it takes no more steps, choices or edits.</summary>
    public static bool HasEnded(StoryStatus status) => status is StoryStatus.Completed or StoryStatus.Cancelled;

    /// <summary>Nothing more will be written: it ended, or it has all the paragraphs it asked for.</summary>
    public static bool IsFinished(int paragraphCount, int targetParagraphs, StoryStatus status) =>
        paragraphCount >= targetParagraphs || HasEnded(status);

    public static bool IsFinished(StoryState state) => IsFinished(state.ParagraphCount, state.TargetParagraphs, state.Status);

    /// <summary>
    /// The status once <paramref name="paragraphCount"/> paragraphs are committed. A story cancelled while its step was in
    /// flight stays cancelled.
    /// </summary>
    public static StoryStatus NextStatus(StoryState state, int paragraphCount) =>
        state.Status == StoryStatus.Cancelled ? StoryStatus.Cancelled
        : paragraphCount >= state.TargetParagraphs ? StoryStatus.Completed
        : state.Mode == StoryMode.Interactive ? StoryStatus.AwaitingChoice
        : StoryStatus.Writing;
}
