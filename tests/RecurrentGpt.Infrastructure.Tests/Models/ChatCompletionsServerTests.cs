using System.Net;
using System.Text;
using System.Text.Json;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Infrastructure.Tests.Models;

/// <summary>The local server's own promises, which every wire test leans on.</summary>
public sealed class ChatCompletionsServerTests
{
    [Fact]
    public async Task Empty_script_answers_500_naming_the_request()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();

        using HttpResponseMessage response = await http.PostAsync(
            "openai/deployments/d1/chat/completions?api-version=2024-10-21", Json("""{"messages":[]}"""), deadline.Token);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync(deadline.Token);
        Assert.Contains("the script is empty; no reply for request #1 POST /openai/deployments/d1/chat/completions", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completion_is_proper_openai_json_and_the_request_is_recorded_whole()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion("Hello.", promptTokens: 7, completionTokens: 2));
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        http.DefaultRequestHeaders.Add("X-Probe", "one");
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();

        using HttpResponseMessage response = await http.PostAsync("v1/chat/completions?x=a%20b", Json("""{"model":"m1","messages":[]}"""), deadline.Token);

        using JsonDocument reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync(deadline.Token));
        JsonElement root = reply.RootElement;
        Assert.Equal("chat.completion", root.GetProperty("object").GetString());
        Assert.Equal("m1", root.GetProperty("model").GetString());
        JsonElement choice = root.GetProperty("choices")[0];
        Assert.Equal("assistant", choice.GetProperty("message").GetProperty("role").GetString());
        Assert.Equal("Hello.", choice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        Assert.Equal(9, root.GetProperty("usage").GetProperty("total_tokens").GetInt32());
        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/chat/completions", "a b", "one"), (request.Method, request.Path, request.Query("x"), request.Header("x-probe")));
        Assert.Equal("""{"model":"m1","messages":[]}""", request.Body);
    }

    [Fact]
    public async Task Unknown_route_is_recorded_and_answered_404()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion("kept for a real call"));
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();

        using HttpResponseMessage response = await http.PostAsync("v1/embeddings", Json("{}"), deadline.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("/v1/embeddings", Assert.Single(await server.WaitForRequestsAsync(1, ModelTestKit.Deadline, deadline.Token)).Path);
        Assert.Equal(1, server.PendingReplies);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
