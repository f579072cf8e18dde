using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Steering;

namespace RecurrentGpt.Workflow.Api;

/// <summary>
/// The v1 HTTP contract's handlers, the same on both hosts: each takes the request (and route values) and returns a result
/// that writes itself. Bad input becomes a problem+json answer before anything is written; nothing here returns a stack trace.
/// Made per durable client (<see cref="StoryApiFactory"/>), because Functions hands the client to each call.
/// </summary>
public sealed partial class StoryApi(
    DurableTaskClient client,
    StoryStarter starter,
    ChoiceRecorder recorder,
    StoryStateUpdater updater,
    StoryCatalogue catalogue,
    ParagraphStore paragraphs,
    StoryExport export,
    MemoryEditor memoryEditor,
    ParagraphEditor paragraphEditor,
    StoryControl control,
    StepRecordStore steps,
    LongTermRecall recall,
    ModeSwitch modes,
    ILogger<StoryApi> log)
{
    public Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken) => HandleAsync(request, async () =>
    {
        NewStory story = NewStoryRequests.From(await RequestBody.ReadJsonAsync<CreateStoryRequest>(request, cancellationToken));
        string id;
        try
        {
            id = await starter.StartAsync(story, cancellationToken);
        }
        catch (StoryAlreadyExistsException)
        {
            throw ApiProblem.Conflict("story-exists", "The story exists already", $"a story with id \"{story.StoryId}\" exists already");
        }

        string statusUrl = ApiRoutes.Absolute(request, ApiRoutes.StoryPath(id));
        return ApiResults.Json(202, new StoryCreatedView(id, statusUrl), location: statusUrl);
    });

    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) => HandleAsync(request, async () =>
    {
        int max = QueryNumber(request, "max", 100, 1, ApiLimits.MaxListSize);
        IReadOnlyList<StorySummary> stories = await catalogue.ListAsync(max, cancellationToken);
        return ApiResults.Json(200, new StoryListView(stories
            .Select(story => new StoryListItem(story.StoryId, story.Title, ApiJson.Name(story.Status), ApiJson.Name(story.Mode), story.ParagraphCount, story.TargetParagraphs, story.UpdatedAt))
            .ToList()));
    });

    public Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken) => HandleAsync(request, async () =>
    {
        VersionedState read = await updater.GetVersionedAsync(RouteId(id), cancellationToken);
        string status = await control.StatusNameAsync(read.State, client, cancellationToken);
        return ApiResults.Json(200, StoryViews.Of(read.State, status), etag: read.ETag);
    });

    public Task<IResult> ParagraphsAsync(HttpRequest request, string id, CancellationToken cancellationToken) => HandleAsync(request, async () =>
    {
        StoryState state = await updater.GetAsync(RouteId(id), cancellationToken);
        int from = QueryNumber(request, "from", 0, 0, int.MaxValue);
        int count = QueryNumber(request, "count", 50, 1, ApiLimits.MaxPageSize);
        int take = Math.Max(0, Math.Min(count, state.ParagraphCount - from));
        IReadOnlyList<StoredParagraph> page = take == 0 ? [] : await paragraphs.ReadRangeAsync(state.StoryId, from, take, cancellationToken);
        int? next = from + take < state.ParagraphCount ? from + take : null;
        return ApiResults.Json(200, new ParagraphPageView(page.Select(StoryViews.Of).ToList(), from, state.ParagraphCount, next));
    });

    public Task<IResult> ExportAsync(HttpRequest request, string id, CancellationToken cancellationToken) => HandleAsync(request, async () =>
    {
        string storyId = RouteId(id);
        string requested = request.Query["format"].ToString();
        ExportFormat format = StoryExport.ParseFormat(requested.Length == 0 ? "md" : requested)
            ?? throw new ApiProblem(400, "unsupported-format", "Unsupported export format", $"format \"{requested}\" is not offered; use md or txt");
        string text = await export.RenderAsync(storyId, format, cancellationToken);
        return format == ExportFormat.Markdown
            ? ApiResults.Text(text, "text/markdown; charset=utf-8", storyId + ".md")
            : ApiResults.Text(text, "text/plain; charset=utf-8", storyId + ".txt");
    });

    public Task<IResult> ChooseAsync(HttpRequest request, string id, CancellationToken cancellationToken) => HandleAsync(request, async () =>
    {
        string storyId = RouteId(id);
        ChoiceRequest body = await RequestBody.ReadJsonAsync<ChoiceRequest>(request, cancellationToken);
        if (body.StoryId is not null && body.StoryId != storyId)
        {
            throw ApiProblem.Invalid("storyId in the body differs from the story in the path");
        }

        return await ChoiceRequests.RecordAsync(recorder, updater, storyId, body, cancellationToken);
    });

    public Task<IResult> EditMemoryAsync(HttpRequest request, string id, CancellationToken cancellationToken) => HandleAsync(request, async () =>
    {
        string storyId = RouteId(id);
        string etag = request.Headers.IfMatch.ToString();
        if (etag.Length == 0)
        {
            throw new ApiProblem(428, "if-match-required", "If-Match is required",
                "send the ETag from GET /api/stories/{id} in If-Match, so an edit never overwrites a change you have not seen");
        }

        MemoryEditRequest body = await RequestBody.ReadJsonAsync<MemoryEditRequest>(request, cancellationToken);
        return await memoryEditor.EditFromRequestAsync(updater, storyId, etag, body, cancellationToken);
    });

    public Task<IResult> EditParagraphAsync(HttpRequest request, string id, string index, CancellationToken cancellationToken) => HandleAsync(request, async () =>
    {
        string storyId = RouteId(id);
        int paragraph = IsWholeNumber(index, out int n)
            ? n
            : throw ApiProblem.Invalid($"paragraph number \"{index}\" is not a whole number from 0");
        ParagraphEditRequest body = await RequestBody.ReadJsonAsync<ParagraphEditRequest>(request, cancellationToken);
        string text = TextFields.Required(body.Text, "text", ApiLimits.MaxParagraphChars);
        StoredParagraph edited = await paragraphEditor.EditAsync(storyId, paragraph, text, cancellationToken);
        return ApiResults.Json(200, StoryViews.Of(edited));
    });

    public Task<IResult> StepAsync(HttpRequest request, string id, string step, CancellationToken cancellationToken) => HandleAsync(request, async () =>
    {
        string storyId = RouteId(id);
        int number = IsWholeNumber(step, out int n) && n >= 1
            ? n
            : throw ApiProblem.Invalid($"step \"{Shorten(step)}\" is not a whole number from 1");
        await updater.GetAsync(storyId, cancellationToken);
        StepRecord record = await steps.ReadAsync(storyId, number, cancellationToken)
            ?? throw new ApiProblem(404, "step-not-found", "No such step", $"story {storyId} has no record of step {number} yet");
        return ApiResults.Json(200, StepViews.Of(record));
    });

    public Task<IResult> RecallAsync(HttpRequest request, string id, CancellationToken cancellationToken) => HandleAsync(request, async () =>
    {
        string storyId = RouteId(id);
        StoryState state = await updater.GetAsync(storyId, cancellationToken);
        string planText = request.Query["plan"].ToString();
        string text = request.Query["text"].ToString();
        string query = (planText.Length, text.Length) switch
        {
            (0, 0) => throw ApiProblem.Invalid("send plan (1 to 3) or text to recall for"),
            (> 0, > 0) => throw ApiProblem.Invalid("send plan or text, not both"),
            (> 0, _) => IsWholeNumber(planText, out int index) && index >= 1 && index <= state.Plans.Count
                ? state.Plans[index - 1]
                : throw ApiProblem.Invalid(state.Plans.Count == 0 ? "there are no plans yet" : $"plan must be from 1 to {state.Plans.Count}"),
            _ => TextFields.Required(text, "text", ApiLimits.MaxPlanChars),
        };
        return ApiResults.Json(200, new RecallView(query, StepViews.Recalled(await recall.RecallAsync(state, query, cancellationToken))));
    });

    public Task<IResult> ChangeModeAsync(HttpRequest request, string id, CancellationToken cancellationToken) => HandleAsync(request, async () =>
    {
        string storyId = RouteId(id);
        ModeChangeRequest body = await RequestBody.ReadJsonAsync<ModeChangeRequest>(request, cancellationToken);
        StoryMode mode = body.Mode?.Trim().ToLowerInvariant() switch
        {
            "interactive" => StoryMode.Interactive,
            "auto" => StoryMode.Auto,
            _ => throw ApiProblem.Invalid("mode must be \"interactive\" or \"auto\""),
        };
        StoryState state = await modes.SwitchAsync(storyId, mode, recorder, cancellationToken);
        return ApiResults.Json(200, new ActionView(storyId, "mode", ApiJson.Name(state.Mode)));
    });

    public Task<IResult> PauseAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        HandleAsync(request, async () => Action(await control.PauseAsync(RouteId(id), client, cancellationToken)));

    public Task<IResult> ResumeAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        HandleAsync(request, async () => Action(await control.ResumeAsync(RouteId(id), client, starter, cancellationToken)));

    public Task<IResult> CancelAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        HandleAsync(request, async () => Action(await control.CancelAsync(RouteId(id), client, cancellationToken)));

    public Task<IResult> RetryAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        HandleAsync(request, async () => Action(await control.RetryAsync(RouteId(id), client, cancellationToken)));

    internal static ApiProblem Finished(StoryState state) => ApiProblem.Conflict("story-finished", "The story is finished",
        $"story {state.StoryId} is {ApiJson.Name(state.Status)}; it takes no more choices or edits");

    internal static string RouteId(string id) =>
        StoryId.IsValid(id) ? id : throw ApiProblem.NotFound($"\"{Shorten(id)}\" is not a story id ({StoryId.Rule})");

    private static IResult Action(ActionView view) => ApiResults.Json(202, view);

    private static int QueryNumber(HttpRequest request, string name, int fallback, int min, int max)
    {
        string value = request.Query[name].ToString();
        if (value.Length == 0)
        {
            return fallback;
        }

        return IsWholeNumber(value, out int number) && number >= min && number <= max
            ? number
            : throw ApiProblem.Invalid($"query {name} must be a whole number from {min} to {max}");
    }

    /// <summary>Digits only: no sign, spaces or separators, so "-1", " 2" and "1e3" are refused rather than read.</summary>
    private static bool IsWholeNumber(string text, out int number) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private static readonly ApiProblem InternalFailure =
        new(500, "internal", "The request failed", "the server could not complete the request; it is logged and nothing was lost");

    private Task<IResult> HandleAsync(HttpRequest request, Func<Task<IResult>> handle) =>
        ProblemBoundary.RunAsync(request, handle, ex => LogFailure(request.Method, request.Path.Value ?? string.Empty, ex), InternalFailure);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private partial void LogFailure(string method, string path, Exception ex);
}
