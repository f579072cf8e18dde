using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace RecurrentGpt.TestSupport.Tests;

/// <summary>A <see cref="ChatCompletionsServer"/> in fault mode over <see cref="CannedAnswers"/>, with a plain HTTP client on it.</summary>
internal sealed class FaultServer : IAsyncDisposable
{
    private FaultServer(ChatCompletionsServer server, FaultyReplies faults, HttpClient http)
    {
        Server = server;
        Faults = faults;
        Http = http;
    }

    public static TimeSpan Deadline { get; } = TimeSpan.FromSeconds(30);

    public ChatCompletionsServer Server { get; }

    public FaultyReplies Faults { get; }

    public HttpClient Http { get; }

    public static async Task<FaultServer> StartAsync(FaultPlan plan, Func<RecordedRequest, ScriptedReply>? inner = null, TimeSpan? clientTimeout = null)
    {
        ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        FaultyReplies faults = FaultyReplies.Over(inner ?? CannedAnswers.For, plan);
        server.WhenScriptIsEmpty = faults.Answer;
        var http = new HttpClient { BaseAddress = server.OpenAIBaseUrl, Timeout = clientTimeout ?? Deadline };
        return new FaultServer(server, faults, http);
    }

    /// <summary>Only <paramref name="kind"/>, on every request it fits.</summary>
    public static Task<FaultServer> AlwaysAsync(FaultKind kind, int seed = 1) =>
        StartAsync(new FaultPlan(seed, rate: 1) { Kinds = new HashSet<FaultKind> { kind } });

    public async Task<HttpResponseMessage> PostAsync(string body, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        return await Http.SendAsync(request, completion, cancellationToken);
    }

    /// <summary>The assistant content of a 200 answer to a request for <paramref name="schemaName"/>.</summary>
    public async Task<string> ContentAsync(string schemaName, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await PostAsync(CannedAnswers.RequestBody(schemaName), cancellationToken);
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"expected a completion, got {(int)response.StatusCode}: {body}");
        using JsonDocument completion = JsonDocument.Parse(body);
        return completion.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
    }

    public static CancellationTokenSource StartDeadline() => new(Deadline);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
