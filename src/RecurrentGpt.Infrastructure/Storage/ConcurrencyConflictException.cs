namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>
/// The story's state changed (or was removed) since it was read: the ETag no longer matches. Read it again and
/// reapply the change.
/// </summary>
public sealed class ConcurrencyConflictException(string storyId, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string StoryId { get; } = storyId;
}
