using Microsoft.Extensions.DependencyInjection;
using RecurrentGpt.Api.Routes;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Api.Tests;

/// <summary>Calls the v1 routes the way a host does (the route table's entry, through the one endpoint runner), on a bare HTTP context.</summary>
internal sealed class ApiDriver(WorkflowHarness harness)
{
    public WorkflowHarness Harness => harness;

    public async Task<string> CreateAsync(object body)
    {
        HttpAnswer created = await SendAsync(HttpCall.To("POST", "/api/stories").WithJson(body), "CreateStory");
        Assert.True(created.Status == 202, created.ToString());
        return created.Text("id");
    }

    public Task<HttpAnswer> GetAsync(string id) => SendAsync(HttpCall.To("GET", $"/api/stories/{id}"), "GetStory", id);

    public Task<HttpAnswer> ChooseAsync(string id, object body) =>
        SendAsync(HttpCall.To("POST", $"/api/stories/{id}/choice").WithJson(body), "RecordChoice", id);

    public Task<HttpAnswer> EditMemoryAsync(string id, object body, string? etag) =>
        SendAsync(WithETag(HttpCall.To("PUT", $"/api/stories/{id}/memory").WithJson(body), etag), "EditMemory", id);

    public Task<HttpAnswer> EditParagraphAsync(string id, int n, object body) =>
        SendAsync(HttpCall.To("PUT", $"/api/stories/{id}/paragraphs/{n}").WithJson(body), "EditParagraph", id, n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Runs the route named <paramref name="route"/> with the story id and step or paragraph number the host would bind.</summary>
    public async Task<HttpAnswer> SendAsync(HttpCall call, string route, string? id = null, string? n = null)
    {
        var args = new RouteArgs();
        if (id is not null)
        {
            args["id"] = id;
        }

        if (n is not null)
        {
            args["n"] = n;
        }

        ApiEndpoint endpoint = harness.Services.GetRequiredService<ApiEndpoint>();
        return await call.RunAsync(await endpoint.RunAsync(ApiRouteTable.Named(route), call.Request, args, default));
    }

    /// <summary>Polls GET until the story's JSON satisfies <paramref name="condition"/>.</summary>
    public Task<HttpAnswer> WaitForAsync(string id, Func<HttpAnswer, bool> condition, TimeSpan? timeout = null) =>
        Polling.UntilAsync(() => GetAsync(id), story => story.Status == 200 && condition(story), last => $"story {id} answered {last}", timeout);

    public static bool Is(HttpAnswer story, string status, int step) => story.Text("status") == status && story.Number("step") == step;

    private static HttpCall WithETag(HttpCall call, string? etag) => etag is null ? call : call.WithHeader("If-Match", etag);
}
