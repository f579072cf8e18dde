using Microsoft.AspNetCore.Http;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Workflow.Steering;

namespace RecurrentGpt.Workflow.Api;

/// <summary>
/// One way to record a plan choice for the API route and the webhook alike: work out the plan the request means
/// against the story's current plans, record it, and answer the same statuses.
/// </summary>
internal static class ChoiceRequests
{
    /// <param name="recordedStatus">202 on the API route (the step is yet to be written); the webhook answers 200, as webhook senders expect.</param>
    public static async Task<IResult> RecordAsync(ChoiceRecorder recorder, StoryStateUpdater updater, string storyId, ChoiceRequest request, CancellationToken cancellationToken, int recordedStatus = 202)
    {
        int step = request.Step ?? throw ApiProblem.Invalid("step is required: the step this choice answers (the story's nextStep)");
        string? text = TextFields.Optional(request.Text, "text", ApiLimits.MaxPlanChars);
        StoryState state = await updater.GetAsync(storyId, cancellationToken);
        if (state.Status is StoryStatus.Completed or StoryStatus.Cancelled)
        {
            throw StoryApi.Finished(state);
        }

        (string plan, PlanChoiceSource source) = (request.Plan, text) switch
        {
            (null, null) => throw ApiProblem.Invalid("send plan (1 to 3), text (your own plan), or both (an edited plan)"),
            (int index, _) when index < 1 || index > state.Plans.Count =>
                throw ApiProblem.Invalid(state.Plans.Count == 0 ? "there are no plans to pick from yet" : $"plan must be from 1 to {state.Plans.Count}"),
            (int index, null) => (state.Plans[index - 1], PlanChoiceSource.Picked),
            (int, string edited) => (edited, PlanChoiceSource.Edited),
            (null, string own) => (own, PlanChoiceSource.Own),
        };

        ChoiceResult result = await recorder.RecordAsync(storyId, step, plan, source, request.Plan, cancellationToken);
        return result switch
        {
            ChoiceResult.Recorded => ApiResults.Json(recordedStatus, new ChoiceView(storyId, step, plan, ApiJson.Name(source))),
            ChoiceResult.AlreadyChosen => throw ApiProblem.Conflict("already-chosen", "A plan is already chosen for this step",
                $"step {step} of story {storyId} has its plan already; the first choice stands"),
            _ => throw ApiProblem.Conflict("stale-step", "The choice is for another step",
                $"story {storyId} is at step {state.Step + 1}, not {step}: read the story again and answer its nextStep"),
        };
    }
}
