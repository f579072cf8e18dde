namespace RecurrentGpt.Workflow.Contracts;

/// <summary>A story that needs attention, and why; <paramref name="Generation"/> as in <see cref="StepRef"/>.</summary>
public sealed record AttentionNote(string StoryId, int Step, string Reason, int Generation = 0)
{
    /// <summary>For work that stands on whatever line the story is (reading where it stands, opening it).</summary>
    public const int AnyGeneration = -1;
}
