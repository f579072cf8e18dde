using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Api;

namespace RecurrentGpt.Workflow.Tests.Api;

/// <summary>Calls the v1 handlers the way a host does, on a bare HTTP context, and polls a story through GET.</summary>
internal sealed class ApiDriver(WorkflowHarness harness)
{
    public StoryApi Api { get; } = harness.Get<StoryApiFactory>().For(harness.Client);

    public WorkflowHarness Harness => harness;

    public async Task<string> CreateAsync(object body)
    {
        HttpAnswer created = await SendAsync(HttpCall.To("POST", "/api/stories").WithJson(body), (api, r) => api.CreateAsync(r, default));
        Assert.True(created.Status == 202, created.ToString());
        return created.Text("id");
    }

    public Task<HttpAnswer> GetAsync(string id) => SendAsync(HttpCall.To("GET", $"/api/stories/{id}"), (api, r) => api.GetAsync(r, id, default));

    public Task<HttpAnswer> ChooseAsync(string id, object body) =>
        SendAsync(HttpCall.To("POST", $"/api/stories/{id}/choice").WithJson(body), (api, r) => api.ChooseAsync(r, id, default));

    public Task<HttpAnswer> EditMemoryAsync(string id, object body, string? etag) =>
        SendAsync(WithETag(HttpCall.To("PUT", $"/api/stories/{id}/memory").WithJson(body), etag), (api, r) => api.EditMemoryAsync(r, id, default));

    public Task<HttpAnswer> EditParagraphAsync(string id, int n, object body) =>
        SendAsync(HttpCall.To("PUT", $"/api/stories/{id}/paragraphs/{n}").WithJson(body), (api, r) => api.EditParagraphAsync(r, id, n.ToString(System.Globalization.CultureInfo.InvariantCulture), default));

    public async Task<HttpAnswer> SendAsync(HttpCall call, Func<StoryApi, Microsoft.AspNetCore.Http.HttpRequest, Task<Microsoft.AspNetCore.Http.IResult>> handler) =>
        await call.RunAsync(await handler(Api, call.Request));

    /// <summary>Polls GET until the story's JSON satisfies <paramref name="condition"/>.</summary>
    public Task<HttpAnswer> WaitForAsync(string id, Func<HttpAnswer, bool> condition, TimeSpan? timeout = null) =>
        Polling.UntilAsync(() => GetAsync(id), story => story.Status == 200 && condition(story), last => $"story {id} answered {last}", timeout);

    public static bool Is(HttpAnswer story, string status, int step) => story.Text("status") == status && story.Number("step") == step;

    private static HttpCall WithETag(HttpCall call, string? etag) => etag is null ? call : call.WithHeader("If-Match", etag);
}
