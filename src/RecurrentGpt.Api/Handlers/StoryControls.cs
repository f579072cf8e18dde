using Microsoft.AspNetCore.Http;
using RecurrentGpt.Api.Problems;
using RecurrentGpt.Api.Routes;
using RecurrentGpt.Api.Views;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Api.Handlers;

/// <summary>Pause, resume, cancel and retry, each answered 202 with the status the story now shows.</summary>
public sealed class StoryControls(StoryControl control)
{
    public async Task<IResult> PauseAsync(ApiCall call) => Answer(await control.PauseAsync(call.StoryId, call.Cancellation));

    public async Task<IResult> ResumeAsync(ApiCall call) => Answer(await control.ResumeAsync(call.StoryId, call.Cancellation));

    public async Task<IResult> CancelAsync(ApiCall call) => Answer(await control.CancelAsync(call.StoryId, call.Cancellation));

    public async Task<IResult> RetryAsync(ApiCall call) => Answer(await control.RetryAsync(call.StoryId, call.Cancellation));

    private static IResult Answer(ControlOutcome outcome) => ApiResults.Json(202, new ActionView(outcome.StoryId, outcome.Action, ContractJson.Name(outcome.Status)));
}
