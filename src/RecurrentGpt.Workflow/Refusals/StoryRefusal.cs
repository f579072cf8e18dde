namespace RecurrentGpt.Workflow.Refusals;

/// <summary>Why the workflow refused a change a person asked for: each host says it in its own terms (HTTP: a status and a problem type).</summary>
public enum StoryRefusal
{
    /// <summary>The story is completed or cancelled.</summary>
    StoryFinished,

    /// <summary>A step is being written, and it may be reading what the change would touch.</summary>
    StepInProgress,

    /// <summary>Only a story waiting for a choice takes this change.</summary>
    NotAwaitingChoice,

    /// <summary>The version the change was made against is no longer the current one.</summary>
    StaleVersion,

    /// <summary>A plan is already chosen for this step; the first choice stands.</summary>
    AlreadyChosen,

    /// <summary>The change answers another step than the one the story waits for.</summary>
    StaleStep,

    /// <summary>Retry is for a story that needs attention.</summary>
    NotNeedingAttention,

    /// <summary>A serial is written in auto mode.</summary>
    SerialIsAuto,

    /// <summary>A story with this id exists already.</summary>
    StoryExists,

    /// <summary>The story has no paragraph with this number.</summary>
    ParagraphNotFound,

    /// <summary>The story has no record of this step.</summary>
    StepNotFound,

    /// <summary>This story cannot move to another line: it is cancelled, not opened yet, or a serial (its episodes are published).</summary>
    NotRewindable,

    /// <summary>The story stands at that step already: a rewind there would change nothing.</summary>
    AlreadyAtStep,

    /// <summary>The story has no branch with this number to read or restore.</summary>
    BranchNotFound,

    /// <summary>This story cannot be forked there: it has not opened yet, or its fork chain is as deep as it can be.</summary>
    NotForkable,

    /// <summary>A fork has rewritten as many inherited paragraphs as its state row can list.</summary>
    OverrideLimit,

    /// <summary>The step has no take with this number.</summary>
    AlternativeNotFound,

    /// <summary>No publication has this id (or it has not finished being published).</summary>
    PublicationNotFound,

    /// <summary>The publication is unpublished: no new readers or reader steps.</summary>
    PublicationClosed,

    /// <summary>The reader token is missing, malformed or not one of this publication's readers.</summary>
    NotAReader,

    /// <summary>The publication does not allow this kind of choice (a plan number, or the reader's own words).</summary>
    ChoiceNotAllowed,

    /// <summary>The story has as many publications as it can list.</summary>
    PublicationLimit,
}
