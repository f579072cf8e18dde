using Microsoft.AspNetCore.Http;
using RecurrentGpt.Api.Problems;
using RecurrentGpt.Api.Requests;
using RecurrentGpt.Api.Views;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Contracts;

namespace RecurrentGpt.Api.Handlers;

/// <summary>A choice request as the workflow takes it, and a made choice as the contract answers it: one way for the route and the webhook.</summary>
internal static class ChoiceAnswer
{
    public static ChoiceIntent IntentOf(ChoiceRequest request) => new(
        request.Step ?? throw ApiProblem.Invalid("step is required: the step this choice answers (the story's nextStep)"),
        request.Plan,
        TextFields.Optional(request.Text, "text", StoryLimits.MaxPlanChars));

    /// <param name="status">202 on the API route (the step is yet to be written); the webhook answers 200, as webhook senders expect.</param>
    public static IResult Of(MadeChoice choice, int status) =>
        ApiResults.Json(status, new ChoiceView(choice.StoryId, choice.Step, choice.Plan, ContractJson.Name(choice.Source)));
}
