namespace RecurrentGpt.Workflow.Choices;

public enum ChoiceResult
{
    /// <summary>This call recorded the choice.</summary>
    Recorded,

    /// <summary>A choice for this step was recorded first; it stands.</summary>
    AlreadyChosen,

    /// <summary>The step is not the one the story is waiting for.</summary>
    StaleStep,
}
