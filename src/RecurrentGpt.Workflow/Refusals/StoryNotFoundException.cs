namespace RecurrentGpt.Workflow.Refusals;

/// <summary>No story has this id.</summary>
public sealed class StoryNotFoundException(string storyId) : Exception($"no story has the id \"{storyId}\"")
{
    public string StoryId { get; } = storyId;
}
