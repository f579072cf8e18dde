using RecurrentGpt.Workflow.Refusals;

namespace RecurrentGpt.Api.Problems;

/// <summary>The workflow's refusals in HTTP terms: a status and a stable problem type for each.</summary>
internal static class RefusalProblems
{
    public static ApiProblem Of(StoryRefusedException refused) => refused.Refusal switch
    {
        StoryRefusal.StoryFinished => ApiProblem.Conflict("story-finished", "The story is finished", refused.Message),
        StoryRefusal.StepInProgress => ApiProblem.Conflict("step-in-progress", "A step is being written", refused.Message),
        StoryRefusal.NotAwaitingChoice => ApiProblem.Conflict("not-awaiting-choice", "The story is not waiting for a choice", refused.Message),
        StoryRefusal.StaleVersion => new ApiProblem(412, "stale-etag", "The story changed since you read it", refused.Message),
        StoryRefusal.AlreadyChosen => ApiProblem.Conflict("already-chosen", "A plan is already chosen for this step", refused.Message),
        StoryRefusal.StaleStep => ApiProblem.Conflict("stale-step", "The choice is for another step", refused.Message),
        StoryRefusal.NotNeedingAttention => ApiProblem.Conflict("not-needing-attention", "Nothing to retry", refused.Message),
        StoryRefusal.SerialIsAuto => ApiProblem.Conflict("serial-is-auto", "A serial is written in auto mode", refused.Message),
        StoryRefusal.StoryExists => ApiProblem.Conflict("story-exists", "The story exists already", refused.Message),
        StoryRefusal.ParagraphNotFound => new ApiProblem(404, "paragraph-not-found", "No such paragraph", refused.Message),
        StoryRefusal.StepNotFound => new ApiProblem(404, "step-not-found", "No such step", refused.Message),
        StoryRefusal.NotRewindable => ApiProblem.Conflict("not-rewindable", "This story cannot be rewound", refused.Message),
        StoryRefusal.AlreadyAtStep => ApiProblem.Conflict("already-at-step", "The story is at that step already", refused.Message),
        StoryRefusal.BranchNotFound => new ApiProblem(404, "branch-not-found", "No such branch", refused.Message),
        StoryRefusal.NotForkable => ApiProblem.Conflict("not-forkable", "This story cannot be forked there", refused.Message),
        StoryRefusal.AlternativeNotFound => new ApiProblem(404, "alternative-not-found", "No such alternative", refused.Message),
        StoryRefusal.OverrideLimit => ApiProblem.Conflict("override-limit", "This fork cannot rewrite more inherited paragraphs", refused.Message),
        StoryRefusal.PublicationNotFound => new ApiProblem(404, "publication-not-found", "No such publication", refused.Message),
        StoryRefusal.PublicationClosed => ApiProblem.Conflict("publication-closed", "The story is no longer published", refused.Message),
        StoryRefusal.NotAReader => new ApiProblem(401, "not-a-reader", "Not a reader of this publication", refused.Message),
        StoryRefusal.ChoiceNotAllowed => new ApiProblem(400, "choice-not-allowed", "This publication does not take that choice", refused.Message),
        StoryRefusal.PublicationLimit => ApiProblem.Conflict("publication-limit", "The story has as many publications as it can have", refused.Message),
        _ => throw new InvalidOperationException($"the refusal {refused.Refusal} has no HTTP problem"),
    };
}
