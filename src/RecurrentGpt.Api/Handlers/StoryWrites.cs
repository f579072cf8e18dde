using Microsoft.AspNetCore.Http;
using RecurrentGpt.Api.Problems;
using RecurrentGpt.Api.Requests;
using RecurrentGpt.Api.Routes;
using RecurrentGpt.Api.Views;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Editing;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Api.Handlers;

/// <summary>The routes that change what a story is: create, choose, edit the memory or a paragraph, switch the mode.</summary>
public sealed class StoryWrites(StoryStarter starter, ChoiceMaker choices, MemoryEditor memoryEditor, ParagraphEditor paragraphEditor, ModeSwitch modes)
{
    public async Task<IResult> CreateAsync(ApiCall call)
    {
        NewStory story = NewStoryRequests.From(await RequestBody.ReadJsonAsync<CreateStoryRequest>(call.Request, call.Cancellation));
        string id = await starter.StartAsync(story, call.Cancellation);
        string statusUrl = ApiRoutes.Absolute(call.Request, ApiRoutes.StoryPath(id));
        return ApiResults.Json(202, new StoryCreatedView(id, statusUrl), location: statusUrl);
    }

    public async Task<IResult> ChooseAsync(ApiCall call)
    {
        string storyId = call.StoryId;
        ChoiceRequest body = await RequestBody.ReadJsonAsync<ChoiceRequest>(call.Request, call.Cancellation);
        if (body.StoryId is not null && body.StoryId != storyId)
        {
            throw ApiProblem.Invalid("storyId in the body differs from the story in the path");
        }

        return ChoiceAnswer.Of(await choices.MakeAsync(storyId, ChoiceAnswer.IntentOf(body), call.Cancellation), 202);
    }

    public async Task<IResult> EditMemoryAsync(ApiCall call)
    {
        string storyId = call.StoryId;
        string etag = call.Request.Headers.IfMatch.ToString();
        if (etag.Length == 0)
        {
            throw new ApiProblem(428, "if-match-required", "If-Match is required",
                "send the ETag from GET /api/stories/{id} in If-Match, so an edit never overwrites a change you have not seen");
        }

        MemoryEditRequest body = await RequestBody.ReadJsonAsync<MemoryEditRequest>(call.Request, call.Cancellation);
        if (body.ShortTermMemory is null && body.Plans is null)
        {
            throw ApiProblem.Invalid("send shortTermMemory, plans, or both");
        }

        // Blank is not a memory: an edit of only spaces would wipe what the next step reads.
        string? memory = TextFields.Optional(body.ShortTermMemory, "shortTermMemory", StoryLimits.MaxMemoryChars);
        IReadOnlyList<string>? plans = body.Plans?.Select((plan, i) => TextFields.Required(plan, $"plans[{i}]", StoryLimits.MaxPlanChars)).ToList();
        VersionedState saved = await memoryEditor.EditAsync(storyId, etag, memory, plans, call.Cancellation);
        return ApiResults.Json(200, new MemoryView(saved.State.ShortTermMemory, saved.State.Plans, saved.ETag), etag: saved.ETag);
    }

    public async Task<IResult> EditParagraphAsync(ApiCall call)
    {
        string storyId = call.StoryId;
        int paragraph = call.RouteNumber("n", "paragraph number", 0);
        ParagraphEditRequest body = await RequestBody.ReadJsonAsync<ParagraphEditRequest>(call.Request, call.Cancellation);
        string text = TextFields.Required(body.Text, "text", StoryLimits.MaxParagraphChars);
        StoredParagraph edited = await paragraphEditor.EditAsync(storyId, paragraph, text, call.Cancellation);
        return ApiResults.Json(200, StoryViews.Of(edited));
    }

    public async Task<IResult> ChangeModeAsync(ApiCall call)
    {
        string storyId = call.StoryId;
        ModeChangeRequest body = await RequestBody.ReadJsonAsync<ModeChangeRequest>(call.Request, call.Cancellation);
        StoryMode mode = NewStoryRequests.ModeOf(body.Mode) ?? throw ApiProblem.Invalid("mode must be \"interactive\" or \"auto\"");
        StoryState state = await modes.SwitchAsync(storyId, mode, call.Cancellation);
        return ApiResults.Json(200, new ActionView(storyId, "mode", ContractJson.Name(state.Mode)));
    }
}
