using Microsoft.AspNetCore.Http;
using RecurrentGpt.Api.Problems;
using RecurrentGpt.Api.Requests;
using RecurrentGpt.Api.Routes;
using RecurrentGpt.Api.Views;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Recall;
using RecurrentGpt.Workflow.Refusals;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Api.Handlers;

/// <summary>The routes that read a story: list, status, paragraphs, export, a step's provenance, a recall preview.</summary>
public sealed class StoryReads(
    StoryStateUpdater updater,
    StoryCatalogue catalogue,
    StoryText text,
    StoryExport export,
    LongTermRecall recall,
    StoryStatusReader statuses)
{
    public async Task<IResult> ListAsync(ApiCall call)
    {
        int max = call.QueryNumber("max", 100, 1, ApiLimits.MaxListSize);
        IReadOnlyList<StorySummary> stories = await catalogue.ListAsync(max, call.Cancellation);

        // The status a person is shown is the same here as on the story itself: a paused story reads "paused".
        var shown = new StoryStatus[stories.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, stories.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = call.Cancellation },
            async (i, token) => shown[i] = await statuses.StatusOfAsync(stories[i], token));
        return ApiResults.Json(200, new StoryListView(stories
            .Select((story, i) => new StoryListItem(story.StoryId, story.Title, ContractJson.Name(shown[i]), ContractJson.Name(story.Mode), story.ParagraphCount, story.TargetParagraphs, story.UpdatedAt))
            .ToList()));
    }

    public async Task<IResult> GetAsync(ApiCall call)
    {
        VersionedState read = await updater.GetVersionedAsync(call.StoryId, call.Cancellation);
        StoryStatus status = await statuses.StatusOfAsync(read.State, call.Cancellation);
        return ApiResults.Json(200, StoryViews.Of(read.State, ContractJson.Name(status)), etag: read.ETag);
    }

    public async Task<IResult> ParagraphsAsync(ApiCall call)
    {
        StoryState state = await updater.GetAsync(call.StoryId, call.Cancellation);
        int from = call.QueryNumber("from", 0, 0, int.MaxValue);
        int count = call.QueryNumber("count", 50, 1, ApiLimits.MaxPageSize);
        int take = Math.Max(0, Math.Min(count, state.ParagraphCount - from));
        IReadOnlyList<StoredParagraph> page = take == 0 ? [] : await text.RangeAsync(state, from, take, call.Cancellation);
        int? next = from + take < state.ParagraphCount ? from + take : null;
        return ApiResults.Json(200, new ParagraphPageView(page.Select(StoryViews.Of).ToList(), from, state.ParagraphCount, next));
    }

    public async Task<IResult> ExportAsync(ApiCall call)
    {
        string storyId = call.StoryId;
        string requested = call.Query("format");
        ExportFormat format = StoryExport.ParseFormat(requested.Length == 0 ? "md" : requested)
            ?? throw new ApiProblem(400, "unsupported-format", "Unsupported export format", $"format \"{requested}\" is not offered; use md or txt");
        string rendered = await export.RenderAsync(storyId, format, call.Cancellation);
        return format == ExportFormat.Markdown
            ? ApiResults.Text(rendered, "text/markdown; charset=utf-8", storyId + ".md")
            : ApiResults.Text(rendered, "text/plain; charset=utf-8", storyId + ".txt");
    }

    public async Task<IResult> StepAsync(ApiCall call)
    {
        string storyId = call.StoryId;
        int number = call.RouteNumber("n", "step", 1);
        StoryState state = await updater.GetAsync(storyId, call.Cancellation);
        StepRecord record = await text.StepAsync(state.Lines, number, call.Cancellation)
            ?? throw new StoryRefusedException(StoryRefusal.StepNotFound, $"story {storyId} has no record of step {number} yet");
        return ApiResults.Json(200, StepViews.Of(record));
    }

    public async Task<IResult> RecallAsync(ApiCall call)
    {
        StoryState state = await updater.GetAsync(call.StoryId, call.Cancellation);
        string planText = call.Query("plan");
        string text = call.Query("text");
        string query = (planText.Length, text.Length) switch
        {
            (0, 0) => throw ApiProblem.Invalid("send plan (1 to 3) or text to recall for"),
            (> 0, > 0) => throw ApiProblem.Invalid("send plan or text, not both"),
            (> 0, _) => WholeNumbers.TryRead(planText, out int index) && index >= 1 && index <= state.Plans.Count
                ? state.Plans[index - 1]
                : throw ApiProblem.Invalid(state.Plans.Count == 0 ? "there are no plans yet" : $"plan must be from 1 to {state.Plans.Count}"),
            _ => TextFields.Required(text, "text", StoryLimits.MaxPlanChars),
        };
        return ApiResults.Json(200, new RecallView(query, StepViews.Recalled(await recall.RecallAsync(state, query, call.Cancellation))));
    }
}
