using Microsoft.AspNetCore.Http;
using RecurrentGpt.Api.Problems;
using RecurrentGpt.Api.Requests;
using RecurrentGpt.Api.Routes;
using RecurrentGpt.Api.Views;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Lines;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Api.Handlers;

/// <summary>The story as a tree: rewind, the branches it left, reading one, restoring one, and forks.</summary>
public sealed class StoryLines(StoryRewinder rewinder, StoryForker forker, StoryRegenerator regenerator, StoryTimeline timeline, StoryText text)
{
    public async Task<IResult> TimelineAsync(ApiCall call)
    {
        int from = call.QueryNumber("from", 1, 1, int.MaxValue);
        int count = call.QueryNumber("count", 50, 1, StoryTimeline.MaxPage);
        Timeline page = await timeline.ReadAsync(call.StoryId, from, count, call.Cancellation);
        StoryState story = page.Story;
        return ApiResults.Json(200, new TimelineView(
            story.StoryId, story.Step, story.CurrentLine.Branch, story.ParagraphCount - story.Step,
            story.Fork is null ? null : new ForkedFromView(story.Fork.ParentId, story.Fork.Step),
            page.Steps.Select(step => new TimelineStepView(
                step.Step, step.Plan, step.PlanSource is { } source ? ContractJson.Name(source) : null, step.Take, step.ParagraphIndex,
                step.Words, step.Author is { } author ? ContractJson.Name(author) : null, step.Revision, step.Line.StoryId, step.Line.Branch,
                step.Inherited, step.Takes.Count, step.Takes.FirstOrDefault(take => take.Stands)?.Index ?? 1, step.BranchesLeaving)).ToList(),
            page.Branches.Select(View).ToList(), page.From, page.Next));
    }

    public async Task<IResult> RegenerateAsync(ApiCall call) =>
        Moved("regenerate", await regenerator.RegenerateAsync(call.StoryId, call.Cancellation));

    public async Task<IResult> ChooseAlternativeAsync(ApiCall call)
    {
        string storyId = call.StoryId;
        int step = call.RouteNumber("n", "step", 1);
        AlternativeRequest body = await RequestBody.ReadJsonAsync<AlternativeRequest>(call.Request, call.Cancellation);
        int index = body.Index is int chosen and >= 1
            ? chosen
            : throw ApiProblem.Invalid("index must be a whole number from 1 (the step's first take)");
        return Moved("choose-alternative", await regenerator.ChooseAsync(storyId, step, index, call.Cancellation));
    }

    public async Task<IResult> ForkAsync(ApiCall call)
    {
        string parentId = call.StoryId;
        ForkRequest body = await RequestBody.ReadJsonAsync<ForkRequest>(call.Request, call.Cancellation);
        int fromStep = body.FromStep is int step and >= 0
            ? step
            : throw ApiProblem.Invalid("fromStep must be a whole number from 0 (just after the opening) to the story's last committed step");
        string? id = body.Id is null || StoryId.IsValid(body.Id) ? body.Id : throw ApiProblem.Invalid($"id is not valid: {StoryId.Rule}");
        StoryMode? mode = body.Mode is null ? null : NewStoryRequests.ModeOf(body.Mode) ?? throw ApiProblem.Invalid("mode must be \"interactive\" or \"auto\"");
        StoryFork fork = await forker.ForkAsync(parentId, fromStep, id, mode, call.Cancellation);
        string statusUrl = ApiRoutes.Absolute(call.Request, ApiRoutes.StoryPath(fork.StoryId));
        return ApiResults.Json(202, new ForkView(
            fork.StoryId, fork.ParentId, fork.FromStep, fork.Step, fork.ParagraphCount, ContractJson.Name(fork.Mode), ContractJson.Name(fork.Status), statusUrl),
            location: statusUrl);
    }

    public async Task<IResult> RewindAsync(ApiCall call)
    {
        string storyId = call.StoryId;
        RewindRequest body = await RequestBody.ReadJsonAsync<RewindRequest>(call.Request, call.Cancellation);
        int toStep = body.ToStep is int step and >= 0
            ? step
            : throw ApiProblem.Invalid("toStep must be a whole number from 0 (just after the opening) to the story's last committed step");
        return Moved("rewind", await rewinder.RewindAsync(storyId, toStep, call.Cancellation));
    }

    public async Task<IResult> RestoreAsync(ApiCall call)
    {
        string storyId = call.StoryId;
        int branch = call.RouteNumber("n", "branch", 0);
        return Moved("restore", await rewinder.RestoreAsync(storyId, branch, call.Cancellation));
    }

    public async Task<IResult> ListAsync(ApiCall call)
    {
        string storyId = call.StoryId;
        (StoryState state, IReadOnlyList<BranchSummary> branches) = await rewinder.ListBranchesAsync(storyId, call.Cancellation);
        return ApiResults.Json(200, new BranchListView(storyId, state.CurrentLine.Branch, state.Step, branches.Select(View).ToList()));
    }

    /// <summary>A page of the branch's text, from its first own paragraph unless <c>from</c> says otherwise.</summary>
    public async Task<IResult> GetAsync(ApiCall call)
    {
        string storyId = call.StoryId;
        int number = call.RouteNumber("n", "branch", 0);
        (StoryState left, BranchSummary branch) = await rewinder.GetBranchAsync(storyId, number, call.Cancellation);
        int from = call.QueryNumber("from", branch.FirstParagraph, 0, int.MaxValue);
        int count = call.QueryNumber("count", 50, 1, ApiLimits.MaxPageSize);
        int take = Math.Max(0, Math.Min(count, left.ParagraphCount - from));
        IReadOnlyList<StoredParagraph> page = take == 0 ? [] : await text.RangeAsync(left.Lines, from, take, call.Cancellation);
        int? next = from + take < left.ParagraphCount ? from + take : null;
        return ApiResults.Json(200, new BranchPageView(View(branch), new ParagraphPageView(page.Select(StoryViews.Of).ToList(), from, left.ParagraphCount, next)));
    }

    private static BranchView View(BranchSummary branch) => new(
        branch.Branch, branch.FromStep, branch.FirstParagraph, branch.Step, branch.ParagraphCount,
        branch.ParagraphCount - branch.FirstParagraph, ContractJson.Name(branch.Status), branch.LeftAt);

    private static IResult Moved(string action, LineMove move) => ApiResults.Json(202, new LineMoveView(
        move.StoryId, action, move.Step, move.ParagraphCount, move.Branch, move.LeftBranch, ContractJson.Name(move.Status)));
}
