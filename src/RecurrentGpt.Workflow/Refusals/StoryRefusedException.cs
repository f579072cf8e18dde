namespace RecurrentGpt.Workflow.Refusals;

/// <summary>A change the workflow will not make, and why; <see cref="Exception.Message"/> is written for the person who asked.</summary>
public sealed class StoryRefusedException(StoryRefusal refusal, string detail) : Exception(detail)
{
    public StoryRefusal Refusal { get; } = refusal;
}
