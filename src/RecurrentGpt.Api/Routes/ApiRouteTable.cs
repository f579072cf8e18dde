using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RecurrentGpt.Api.Handlers;

namespace RecurrentGpt.Api.Routes;

/// <summary>
/// Every route of the v1 contract, once. rgpt serve maps this list in a loop; the Functions app has one HTTP trigger per
/// entry, named after it; tests hold both, and openapi.json, to it.
/// </summary>
public static class ApiRouteTable
{
    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        Route<StoryWrites>("CreateStory", HttpMethods.Post, ApiRoutes.Stories, ApiAccess.Change, (h, c) => h.CreateAsync(c)),
        Route<StoryReads>("ListStories", HttpMethods.Get, ApiRoutes.Stories, ApiAccess.Read, (h, c) => h.ListAsync(c)),
        Route<StoryReads>("GetStory", HttpMethods.Get, ApiRoutes.Story, ApiAccess.Read, (h, c) => h.GetAsync(c)),
        Route<StoryReads>("ListParagraphs", HttpMethods.Get, ApiRoutes.Paragraphs, ApiAccess.Read, (h, c) => h.ParagraphsAsync(c)),
        Route<StoryWrites>("EditParagraph", HttpMethods.Put, ApiRoutes.Paragraph, ApiAccess.Change, (h, c) => h.EditParagraphAsync(c)),
        Route<StoryReads>("ExportStory", HttpMethods.Get, ApiRoutes.Export, ApiAccess.Read, (h, c) => h.ExportAsync(c)),
        Route<StoryWrites>("RecordChoice", HttpMethods.Post, ApiRoutes.Choice, ApiAccess.Change, (h, c) => h.ChooseAsync(c)),
        Route<StoryWrites>("EditMemory", HttpMethods.Put, ApiRoutes.Memory, ApiAccess.Change, (h, c) => h.EditMemoryAsync(c)),
        Route<StoryReads>("GetStep", HttpMethods.Get, ApiRoutes.Step, ApiAccess.Read, (h, c) => h.StepAsync(c)),
        Route<StoryReads>("PreviewRecall", HttpMethods.Get, ApiRoutes.Recall, ApiAccess.Read, (h, c) => h.RecallAsync(c)),
        Route<StoryWrites>("ChangeMode", HttpMethods.Put, ApiRoutes.Mode, ApiAccess.Change, (h, c) => h.ChangeModeAsync(c)),
        Route<StoryControls>("PauseStory", HttpMethods.Post, ApiRoutes.Pause, ApiAccess.Change, (h, c) => h.PauseAsync(c)),
        Route<StoryControls>("ResumeStory", HttpMethods.Post, ApiRoutes.Resume, ApiAccess.Change, (h, c) => h.ResumeAsync(c)),
        Route<StoryControls>("CancelStory", HttpMethods.Post, ApiRoutes.Cancel, ApiAccess.Change, (h, c) => h.CancelAsync(c)),
        Route<StoryControls>("RetryStory", HttpMethods.Post, ApiRoutes.Retry, ApiAccess.Change, (h, c) => h.RetryAsync(c)),
        Route<StoryLines>("RewindStory", HttpMethods.Post, ApiRoutes.Rewind, ApiAccess.Change, (h, c) => h.RewindAsync(c)),
        Route<StoryLines>("ListBranches", HttpMethods.Get, ApiRoutes.Branches, ApiAccess.Read, (h, c) => h.ListAsync(c)),
        Route<StoryLines>("GetBranch", HttpMethods.Get, ApiRoutes.Branch, ApiAccess.Read, (h, c) => h.GetAsync(c)),
        Route<StoryLines>("RestoreBranch", HttpMethods.Post, ApiRoutes.RestoreBranch, ApiAccess.Change, (h, c) => h.RestoreAsync(c)),
        Route<StoryLines>("GetTimeline", HttpMethods.Get, ApiRoutes.Timeline, ApiAccess.Read, (h, c) => h.TimelineAsync(c)),
        Route<StoryLines>("ForkStory", HttpMethods.Post, ApiRoutes.Fork, ApiAccess.Change, (h, c) => h.ForkAsync(c)),
        Route<StoryLines>("RegenerateStep", HttpMethods.Post, ApiRoutes.Regenerate, ApiAccess.Change, (h, c) => h.RegenerateAsync(c)),
        Route<StoryLines>("ChooseAlternative", HttpMethods.Put, ApiRoutes.Alternative, ApiAccess.Change, (h, c) => h.ChooseAlternativeAsync(c)),
        Route<PlanChoiceWebhook>("PlanChoiceWebhook", HttpMethods.Post, ApiRoutes.PlanChoiceHook, ApiAccess.Signed, (h, c) => h.ReceiveAsync(c))
            with { InternalFailure = PlanChoiceWebhook.InternalFailure },
        new("OpenApiDocument", HttpMethods.Get, ApiRoutes.OpenApi, ApiAccess.Public, (_, _) => Task.FromResult(OpenApiDocument.Result())),
    ];

    private static readonly Dictionary<string, ApiRoute> ByName = All.ToDictionary(route => route.Name, StringComparer.Ordinal);

    /// <summary>The route named <paramref name="name"/>; a name not in the table is a programming error.</summary>
    public static ApiRoute Named(string name) =>
        ByName.TryGetValue(name, out ApiRoute? route) ? route : throw new InvalidOperationException($"no route of the v1 contract is named \"{name}\"");

    private static ApiRoute Route<THandler>(string name, string method, string template, ApiAccess access, Func<THandler, ApiCall, Task<IResult>> handle)
        where THandler : notnull =>
        new(name, method, template, access, (services, call) => handle(services.GetRequiredService<THandler>(), call));
}
