using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RecurrentGpt.Api.Handlers;
using RecurrentGpt.Api.Routes;
using RecurrentGpt.Local.Tests.Cli;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Signing;

namespace RecurrentGpt.Local.Tests.Serve;

/// <summary>
/// Thousands of malformed and random requests across every route of <c>rgpt serve</c>, over real HTTP: none may be
/// answered with a 5xx, every refusal is problem+json, and the stories that existed before are unchanged to the byte.
/// </summary>
public class ApiFuzzTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const string Key = "fuzz-test-key-0123456789";
    private const int Requests = 2_400;
    private static readonly string[] RealIds = ["fuzz-waiting", "fuzz-done"];

    // Every route of the contract, from the one route table; whether it takes a body, from the OpenAPI document.
    private static readonly (string Method, string Path, bool HasBody, bool Changes)[] Routes = [.. ApiRouteTable.All.Select(route => (
        route.Method,
        route.Template,
        OpenApiOperation(route).TryGetProperty("requestBody", out _),
        route.Access is ApiAccess.Change or ApiAccess.Signed))];

    private static readonly string[] TrickIds =
    [
        "", " ", "..", "../..", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%252e%252e", "UPPER-CASE", "a", "ab", new string('a', 41), new string('z', 5000),
        "a b", "a%00b", "%00", "\u0000", "ﬁle", "é-accent", "😀-emoji", "-leading", "trailing-", "a/b", "a\\b", "a?b=c", "a#frag", "a;b", "con", "nul",
        "stories", "openapi.json", "x' or '1'='1", "<script>alert(1)</script>", "${jndi:ldap://x}", "%EF%BF%BF", "\u202Eevil", "a\u200Bb", "..\\..\\win.ini",
    ];

    private static readonly string[] Fields = ["topic", "genre", "description", "language", "mode", "targetParagraphs", "timeoutPolicy", "choiceTimeoutMinutes",
        "serial", "callbackUrl", "id", "step", "plan", "text", "storyId", "shortTermMemory", "plans"];

    private static readonly string[] Values = ["1", "-1", "0", "2147483648", "-9223372036854775809", "1e400", "3.5", "NaN", "true", "null", "[]", "{}", "\"\"",
        "\"auto\"", "\"interactive\"", "\"en\"", "\"zh\"", "\"https://10.0.0.1/x\"", "\"http://[::1]/\"", "\"\\ud800\"", "\"\\u0000\"", "\"中文的故事\"",
        "\"\\u202e\"", "[\"a\",\"b\",\"c\"]", "[1,2,3]", "{\"cron\":\"* * * * *\",\"paragraphsPerEpisode\":1}", "\"" + new string('x', 70_000) + "\""];

    private static JsonElement OpenApiOperation(ApiRoute route) =>
        JsonDocument.Parse(OpenApiDocument.Json).RootElement.GetProperty("paths").GetProperty("/" + route.Template).GetProperty(route.Method.ToLowerInvariant());

    [Fact]
    public async Task Thousands_of_malformed_requests_get_no_5xx_and_leave_existing_stories_unchanged_to_the_byte()
    {
        string connection = await azurite.ConnectionStringAsync();
        string folder = Path.Combine(Path.GetTempPath(), "rgpt-fuzz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        int port = FreePorts.Next();
        using RgptProcess server = RgptProcess.Start(new Dictionary<string, string>
        {
            ["RGPT_DATA"] = Path.Combine(folder, "data"),
            ["RGPT_Storage__ConnectionString"] = connection,
            ["RGPT_Serve__ApiKey"] = Key,
            ["RGPT_Webhook__Secret"] = "fuzz-test-webhook-secret",
            ["RGPT_Model__Provider"] = "Offline",
        }, folder, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/api/"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            await WaitForServerAsync(server, http);
            await CreateAsync(http, new { id = RealIds[0], topic = "a lighthouse keeper vanishes", mode = "interactive", targetParagraphs = 6 }, "awaiting-choice");
            await CreateAsync(http, new { id = RealIds[1], topic = "a clockmaker repairs time", mode = "auto", targetParagraphs = 3 }, "completed");
            string[] before = await Task.WhenAll(RealIds.Select(id => StoryFootprint.ReadAsync(connection, id)));

            var random = new Random(20261126);
            var answered = new Dictionary<int, int>();
            string previous = "none";
            for (int i = 0; i < Requests; i++)
            {
                (string method, string path, bool hasBody, bool changes) = Routes[random.Next(Routes.Length)];
                // A change without a body (pause, cancel…) on an existing story would be a legitimate change: those get other ids.
                bool realId = random.Next(2) == 0 && (hasBody || !changes);
                string id = realId ? RealIds[random.Next(RealIds.Length)] : Garbage(random);
                string url = path.Replace("{id}", RequestLineSafe(id), StringComparison.Ordinal).Replace("{n}", random.Next(4) switch { 0 => "0", 1 => "-1", 2 => "99999999999", _ => RequestLineSafe(Garbage(random)) }, StringComparison.Ordinal);
                if (random.Next(3) == 0)
                {
                    url += "?" + Query(random);
                }

                // On an existing story a change must be malformed by construction (it could otherwise be a legitimate edit).
                bool mustBeInvalid = realId || path is "stories" or "hooks/plan-choice";
                using var request = new HttpRequestMessage(new HttpMethod(random.Next(20) == 0 ? "DELETE" : method), url);
                if (hasBody || random.Next(5) == 0)
                {
                    request.Content = Body(random, mustBeInvalid);
                }

                if (random.Next(10) != 0)
                {
                    request.Headers.TryAddWithoutValidation("x-functions-key", Key);
                }

                if (random.Next(2) == 0)
                {
                    request.Headers.TryAddWithoutValidation("If-Match", random.Next(2) == 0 ? "W/\"datetime'2020-01-01T00%3A00%3A00Z'\"" : HeaderSafe(Garbage(random)));
                }

                if (path == "hooks/plan-choice")
                {
                    request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, random.Next(2) == 0 ? DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) : HeaderSafe(Garbage(random)));
                    request.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, "sha256=" + Convert.ToHexStringLower(RandomBytes(random, 32)));
                    request.Headers.TryAddWithoutValidation(WebhookSignature.DeliveryHeader, "fuzz-" + i);
                }

                if (changes && !realId && !mustBeInvalid)
                {
                    Assert.DoesNotContain(RealIds, real => url.Contains(real, StringComparison.Ordinal));
                }

                HttpResponseMessage response;
                try
                {
                    response = await http.SendAsync(request);
                }
                catch (HttpRequestException ex)
                {
                    throw new InvalidOperationException($"request {i}: {request.Method} {url} ({request.Content?.Headers.ContentLength} bytes) got no answer (previous: {previous}): {ex.Message}", ex);
                }

                using HttpResponseMessage answer = response;
                int status = (int)response.StatusCode;
                previous = $"{i}: {request.Method} {url} ({request.Content?.Headers.ContentLength} bytes) → {status}";
                answered[status] = answered.GetValueOrDefault(status) + 1;
                string body = await response.Content.ReadAsStringAsync();
                Assert.True(status < 500, $"request {i}: {request.Method} {url} → {status} {body}");
                // Kestrel itself refuses a NUL in the path (400, no body) before any route runs: safe, and not ours to word.
                bool refusedByKestrel = status == 400 && url.Contains("%00", StringComparison.Ordinal);
                if (status >= 400 && status != 405 && !refusedByKestrel)
                {
                    Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"request {i}: {request.Method} {url} → {status} without a problem body: {body}");
                    Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
                }
            }

            string[] after = await Task.WhenAll(RealIds.Select(id => StoryFootprint.ReadAsync(connection, id)));
            for (int story = 0; story < RealIds.Length; story++)
            {
                string[] changed = after[story].Split('\n').Except(before[story].Split('\n')).ToArray();
                Assert.True(changed.Length == 0, $"story {RealIds[story]} changed: {string.Join("\n", changed.Select(line => line[..Math.Min(300, line.Length)]))}");
            }

            Assert.Equal(before, after);
            Assert.True(answered.Keys.All(status => status < 500), string.Join(", ", answered.Select(a => $"{a.Key}×{a.Value}")));
            Assert.False(server.HasExited, server.Output);
            output.WriteLine($"{Requests} requests: " + string.Join(", ", answered.OrderBy(a => a.Key).Select(a => $"{a.Key}×{a.Value}")));
        }
        finally
        {
            server.Kill();
            Directory.Delete(folder, recursive: true);
        }
    }

    // A space or control character in a request line is malformed HTTP, refused by Kestrel before any route runs: the
    // fuzz is of the API, so those go in percent-encoded, as any client sends them. Path tricks (../, %2F, #, ?) stay raw.
    private static string RequestLineSafe(string id) =>
        string.Concat(id.Select(c => c <= ' ' || c == '\u007f' ? $"%{(int)c:X2}" : c.ToString()));

    // HTTP headers carry ASCII only (the client refuses anything else): garbage goes in escaped.
    private static string HeaderSafe(string value) => Uri.EscapeDataString(value[..Math.Min(200, value.Length)]);

    private static string Garbage(Random random)
    {
        string id = random.Next(3) == 0
            ? new string(Enumerable.Range(0, random.Next(0, 50)).Select(_ => (char)random.Next(0x20, 0x2FF)).ToArray())
            : TrickIds[random.Next(TrickIds.Length)];
        return RealIds.Any(real => id.Contains(real, StringComparison.Ordinal)) ? "not-a-story" : id;
    }

    private static string Query(Random random) =>
        string.Join('&', Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
        {
            string value = random.Next(3) == 0 ? Values[random.Next(Values.Length)] : Garbage(random);
            return $"{new[] { "from", "count", "format", "plan", "text", "max", "code" }[random.Next(7)]}={Uri.EscapeDataString(value[..Math.Min(200, value.Length)])}";
        }));

    /// <summary>
    /// A request body. When <paramref name="mustBeInvalid"/>, an unknown field comes first, so whatever survives the
    /// mutations is either broken JSON or an object the contract refuses; nothing can pass as a real edit.
    /// </summary>
    private static HttpContent Body(Random random, bool mustBeInvalid)
    {
        byte[] bytes;
        int kind = random.Next(6);
        if (kind == 0)
        {
            bytes = RandomBytes(random, random.Next(0, 300));
        }
        else
        {
            var json = new StringBuilder("{");
            if (mustBeInvalid || random.Next(2) == 0)
            {
                json.Append("\"fuzz\":").Append(Values[random.Next(Values.Length)]).Append(',');
            }

            int fields = random.Next(0, 6);
            for (int f = 0; f < fields; f++)
            {
                json.Append('"').Append(Fields[random.Next(Fields.Length)]).Append("\":").Append(Values[random.Next(Values.Length)]).Append(',');
            }

            if (json[^1] == ',')
            {
                json.Length--;
            }

            json.Append('}');
            string text = kind switch
            {
                1 => json.ToString()[..random.Next(0, json.Length)],
                2 => json.ToString().Insert(random.Next(json.Length), ((char)random.Next(0, 0xFFFF)).ToString()),
                3 => new string('[', 100) + json,
                _ => json.ToString(),
            };
            bytes = Encoding.UTF8.GetBytes(text);
        }

        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", random.Next(8) switch { 0 => "text/plain", 1 => "application/json; charset=latin1", 2 => "multipart/form-data", _ => "application/json" });
        return content;
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        byte[] bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static async Task CreateAsync(HttpClient http, object story, string until)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "stories") { Content = JsonContent.Create(story) };
        request.Headers.Add("x-functions-key", Key);
        HttpResponseMessage created = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        string id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var clock = Stopwatch.StartNew();
        while ((await http.GetFromJsonAsync<JsonElement>($"stories/{id}")).GetProperty("status").GetString() != until)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"story {id} never became {until}");
            await Task.Delay(200);
        }

        // The last commit's catalogue write settles before the footprint is taken: two reads a second apart agree.
        for (int attempt = 0; attempt < 30; attempt++)
        {
            string first = await http.GetStringAsync($"stories/{id}");
            await Task.Delay(1000);
            if (await http.GetStringAsync($"stories/{id}") == first)
            {
                return;
            }
        }

        Assert.Fail($"story {id} kept changing");
    }

    private static async Task WaitForServerAsync(RgptProcess server, HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        while (!server.Output.Contains("Serving the v1 API", StringComparison.Ordinal))
        {
            Assert.False(server.HasExited || clock.Elapsed > TimeSpan.FromMinutes(2), "rgpt serve did not start: " + server.Output);
            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("openapi.json")).StatusCode);
    }

}
