using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RecurrentGpt.Local.Tests.Cli;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Signing;

namespace RecurrentGpt.Local.Tests.Serve;

/// <summary><c>rgpt serve</c> as a user runs it: the real program, Kestrel on loopback, the local runtime over Azurite.</summary>
public class ServeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Key = "serve-test-key-0123456789";
    private const string Secret = "serve-test-webhook-secret";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rgpt-serve-" + Guid.NewGuid().ToString("N"));
    private readonly int _port = FreePorts.Next();
    private RgptProcess? _server;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _server = RgptProcess.Start(new Dictionary<string, string>
        {
            ["RGPT_DATA"] = Path.Combine(_folder, "data"),
            ["RGPT_Storage__ConnectionString"] = await azurite.ConnectionStringAsync(),
            ["RGPT_Serve__ApiKey"] = Key,
            ["RGPT_Webhook__Secret"] = Secret,
            ["RGPT_Model__Provider"] = "Offline",
        }, _folder, "serve", "--port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}/api/"), Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        while (!_server.Output.Contains("Serving the v1 API", StringComparison.Ordinal))
        {
            if (_server.HasExited || clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new InvalidOperationException("rgpt serve did not start: " + _server.Output);
            }

            await Task.Delay(100);
        }
    }

    public Task DisposeAsync()
    {
        _http.Dispose();
        _server?.Dispose();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Serve_binds_to_loopback_and_prints_the_key()
    {
        Assert.Contains($"http://127.0.0.1:{_port}/api", _server!.Output, StringComparison.Ordinal);
        Assert.Contains(Key, _server.Output, StringComparison.Ordinal);
        HttpResponseMessage openApi = await _http.GetAsync("openapi.json");
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.Equal("3.0.3", JsonDocument.Parse(await openApi.Content.ReadAsStringAsync()).RootElement.GetProperty("openapi").GetString());
    }

    [Fact]
    public async Task Changes_without_the_key_are_401_and_unknown_routes_are_404_problems()
    {
        HttpResponseMessage noKey = await _http.PostAsJsonAsync("stories", new { topic = "a lighthouse keeper vanishes" });
        HttpResponseMessage wrongKey = await SendAsync(HttpMethod.Post, "stories", new { topic = "x" }, "not-the-key-at-all");
        HttpResponseMessage unknown = await _http.GetAsync("no/such/route");

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal("application/problem+json", noKey.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Story_created_over_http_takes_a_choice_and_a_signed_webhook_choice()
    {
        HttpResponseMessage created = await SendAsync(HttpMethod.Post, "stories", new { topic = "a lighthouse keeper named Elias Grey vanishes", targetParagraphs = 6 });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        string id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal($"http://127.0.0.1:{_port}/api/stories/{id}", created.Headers.Location?.ToString());

        await WaitForAsync(id, "awaiting-choice", 0);
        HttpResponseMessage chosen = await SendAsync(HttpMethod.Post, $"stories/{id}/choice", new { step = 1, plan = 2 });
        Assert.Equal(HttpStatusCode.Accepted, chosen.StatusCode);
        await WaitForAsync(id, "awaiting-choice", 1);

        byte[] body = Encoding.UTF8.GetBytes($"{{\"storyId\":\"{id}\",\"step\":2,\"text\":\"Elias rows out to the rock at dawn.\"}}");
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var hook = new HttpRequestMessage(HttpMethod.Post, "hooks/plan-choice") { Content = new ByteArrayContent(body) };
        hook.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        hook.Headers.Add(WebhookSignature.TimestampHeader, now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        hook.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(Secret, now, body));
        hook.Headers.Add(WebhookSignature.DeliveryHeader, "serve-delivery-1");
        HttpResponseMessage delivered = await _http.SendAsync(hook);
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        await WaitForAsync(id, "awaiting-choice", 2);

        string markdown = await _http.GetStringAsync($"stories/{id}/export?format=md");
        Assert.StartsWith("# ", markdown, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object body, string key = Key)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("x-functions-key", key);
        return await _http.SendAsync(request);
    }

    private async Task WaitForAsync(string id, string status, int step)
    {
        var clock = Stopwatch.StartNew();
        JsonElement story = default;
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            story = await _http.GetFromJsonAsync<JsonElement>($"stories/{id}");
            if (story.GetProperty("status").GetString() == status && story.GetProperty("step").GetInt32() == step)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"story {id} did not reach {status} at step {step}: {story}; server output: {_server!.Output}");
    }

}
