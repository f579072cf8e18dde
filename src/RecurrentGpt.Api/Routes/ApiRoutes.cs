using Microsoft.AspNetCore.Http;

namespace RecurrentGpt.Api.Routes;

/// <summary>The v1 routes, relative to <c>/api</c> (Functions' route prefix), shared by both hosts and the OpenAPI document.</summary>
public static class ApiRoutes
{
    public const string Prefix = "/api";

    public const string Stories = "stories";
    public const string Story = "stories/{id}";
    public const string Paragraphs = "stories/{id}/paragraphs";
    public const string Paragraph = "stories/{id}/paragraphs/{n}";
    public const string Export = "stories/{id}/export";
    public const string Choice = "stories/{id}/choice";
    public const string Memory = "stories/{id}/memory";
    public const string Pause = "stories/{id}/pause";
    public const string Resume = "stories/{id}/resume";
    public const string Cancel = "stories/{id}/cancel";
    public const string Retry = "stories/{id}/retry";
    public const string Step = "stories/{id}/steps/{n}";
    public const string Recall = "stories/{id}/recall";
    public const string Mode = "stories/{id}/mode";
    public const string Rewind = "stories/{id}/rewind";
    public const string Branches = "stories/{id}/branches";
    public const string Branch = "stories/{id}/branches/{n}";
    public const string RestoreBranch = "stories/{id}/branches/{n}/restore";
    public const string Fork = "stories/{id}/fork";
    public const string Timeline = "stories/{id}/timeline";
    public const string Regenerate = "stories/{id}/regenerate";
    public const string Alternative = "stories/{id}/steps/{n}/alternative";
    public const string PlanChoiceHook = "hooks/plan-choice";
    public const string OpenApi = "openapi.json";

    public static string StoryPath(string storyId) => $"{Prefix}/stories/{storyId}";

    public static string Absolute(HttpRequest request, string path) =>
        request.Host.HasValue ? $"{request.Scheme}://{request.Host}{request.PathBase}{path}" : path;
}
