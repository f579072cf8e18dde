namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>A story with this id already has a state row; ids are not reused.</summary>
public sealed class StoryAlreadyExistsException(string storyId, Exception? innerException = null)
    : Exception($"Story '{storyId}' already exists.", innerException)
{
    public string StoryId { get; } = storyId;
}
