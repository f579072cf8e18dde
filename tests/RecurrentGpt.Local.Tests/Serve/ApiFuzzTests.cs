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
/// Thousands of malformed and random requests across every route of <c>rgpt serve</c>, over real HTTP, then a few hundred
/// over raw sockets that break at the transport (chunking, short and stalled bodies, huge headers, foreign Hosts): none
/// may be answered with a 5xx, every refusal is problem+json where the server can give one, and the stories that existed
/// before are unchanged to the byte.
/// </summary>
public class ApiFuzzTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const string Key = "fuzz-test-key-0123456789";
    private const int Requests = 2_400;

    // Stalled clients are refused after this long (Serve:RequestBodyGraceSeconds, Serve:RequestHeadersTimeoutSeconds).
    private const int StallSeconds = 2;
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
        "serial", "callbackUrl", "id", "step", "plan", "text", "storyId", "shortTermMemory", "plans", "toStep", "fromStep", "index"];

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
            ["RGPT_Serve__RequestBodyGraceSeconds"] = StallSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RGPT_Serve__RequestHeadersTimeoutSeconds"] = StallSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, folder, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/api/"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            await WaitForServerAsync(server, http);
            await CreateAsync(http, new { id = RealIds[0], topic = "a lighthouse keeper vanishes", mode = "interactive", targetParagraphs = 6 }, "awaiting-choice");
            await CreateAsync(http, new { id = RealIds[1], topic = "a clockmaker repairs time", mode = "auto", targetParagraphs = 3 }, "completed");
            string[] before = await Task.WhenAll(RealIds.Select(id => StoryFootprint.ReadAsync(connection, id)));

            var phase = Stopwatch.StartNew();
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

            TimeSpan httpPhase = phase.Elapsed;
            phase.Restart();
            IReadOnlyDictionary<string, int> transport = await FuzzTransportAsync(port, new Random(20261202));
            TimeSpan rawPhase = phase.Elapsed;

            string[] after = await Task.WhenAll(RealIds.Select(id => StoryFootprint.ReadAsync(connection, id)));
            for (int story = 0; story < RealIds.Length; story++)
            {
                string[] changed = after[story].Split('\n').Except(before[story].Split('\n')).ToArray();
                Assert.True(changed.Length == 0, $"story {RealIds[story]} changed: {string.Join("\n", changed.Select(line => line[..Math.Min(300, line.Length)]))}");
            }

            Assert.Equal(before, after);
            Assert.True(answered.Keys.All(status => status < 500), string.Join(", ", answered.Select(a => $"{a.Key}×{a.Value}")));
            Assert.False(server.HasExited, server.Output);

            // No answer was a 5xx, so nothing was logged as a failure either (a 500 is logged as "fail:" on stderr).
            Assert.False(server.Output.Contains("fail:", StringComparison.Ordinal), server.Output);
            output.WriteLine($"{Requests} requests in {httpPhase.TotalSeconds:0.0} s: " + string.Join(", ", answered.OrderBy(a => a.Key).Select(a => $"{a.Key}×{a.Value}")));
            output.WriteLine($"{transport.Values.Sum()} raw requests in {rawPhase.TotalSeconds:0.0} s: " + string.Join(", ", transport.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}×{a.Value}")));
        }
        finally
        {
            server.Kill();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>How a raw request goes wrong at the transport, where HttpClient would not let it.</summary>
    private enum Transport
    {
        Chunked,
        ChunkedOverCap,
        ShortThenStop,
        ShortThenHangUp,
        ShortThenStall,
        HugeHeaders,
        StalledHeaders,
        ForeignHost,
    }

    /// <summary>
    /// Requests HttpClient will not send, over raw sockets: chunked bodies (broken framing, and past Kestrel's 1 MiB cap),
    /// bodies shorter than their Content-Length (the client stops, hangs up or stalls), headers past Kestrel's limits or
    /// never finished, and foreign Host headers on every route. None may be a 5xx; every refusal the application answers
    /// is problem+json (Kestrel answers headers it refuses itself, before any middleware, with no body); a foreign Host is
    /// always 421, even for a change to an existing story with the key. Returns the count of each kind and outcome.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, int>> FuzzTransportAsync(int port, Random random)
    {
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        (Transport Kind, int Count)[] plan =
        [
            (Transport.Chunked, 150), (Transport.ChunkedOverCap, 8), (Transport.ShortThenStop, 40), (Transport.ShortThenHangUp, 20),
            (Transport.HugeHeaders, 20), (Transport.ForeignHost, 200),
        ];
        foreach ((Transport kind, int count) in plan)
        {
            for (int i = 0; i < count; i++)
            {
                byte[] request = RawRequest(kind, port, random);
                Record(outcomes, kind, request, await RawHttp.SendAsync(port, request, kind == Transport.ShortThenHangUp ? RawEnd.Close : kind == Transport.ShortThenStop ? RawEnd.HalfClose : RawEnd.Wait, TimeSpan.FromSeconds(20)));
            }
        }

        // Stalls cost Kestrel's grace each: a few, all at once.
        byte[][] stalls = [.. Enumerable.Range(0, 4).Select(_ => RawRequest(Transport.ShortThenStall, port, random)), .. Enumerable.Range(0, 2).Select(_ => RawRequest(Transport.StalledHeaders, port, random))];
        RawAnswer[] stalled = await Task.WhenAll(stalls.Select(request => RawHttp.SendAsync(port, request, RawEnd.Wait, TimeSpan.FromSeconds(StallSeconds + 15))));
        for (int i = 0; i < stalls.Length; i++)
        {
            Record(outcomes, i < 4 ? Transport.ShortThenStall : Transport.StalledHeaders, stalls[i], stalled[i]);
        }

        return outcomes;
    }

    private static void Record(Dictionary<string, int> outcomes, Transport kind, byte[] request, RawAnswer answer)
    {
        string sent = Encoding.Latin1.GetString(request, 0, Math.Min(request.Length, 200)).ReplaceLineEndings("⏎");
        string key = $"{kind} {answer.Outcome}";
        outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
        Assert.False(answer.Status >= 500, $"{kind}: {sent} → {answer}");

        // No answer only when the client hung up, or the server closed a connection whose body ended early; never a hang.
        Assert.True(answer.Status is not null || answer.Ending == "hung up" || (kind == Transport.ShortThenStop && answer.Ending is "closed" or "reset"), $"{kind}: {sent} → {answer}");
        bool refusedByKestrel = kind is Transport.HugeHeaders or Transport.StalledHeaders;
        if (answer.Status >= 400 && !refusedByKestrel)
        {
            Assert.True(answer.IsProblem, $"{kind}: {sent} → {answer} without a problem body");
            Assert.DoesNotContain("   at ", answer.Body, StringComparison.Ordinal);
        }
        else if (answer.Status >= 400)
        {
            Assert.True(answer.Status is 408 or 431 && answer.Headers.GetValueOrDefault("content-length") == "0", $"{kind}: {sent} → {answer}");
        }

        if (kind == Transport.ForeignHost)
        {
            Assert.True(answer.Status == 421 && answer.IsProblem, $"{kind}: {sent} → {answer}");
        }
    }

    private static byte[] RawRequest(Transport kind, int port, Random random)
    {
        // Past Kestrel's cap or stalled, the routes that read a body are the ones that matter: the others answer before reading it.
        (string Method, string Path, bool HasBody, bool Changes)[] routes = kind is Transport.ChunkedOverCap or Transport.ShortThenStall ? [.. Routes.Where(route => route.HasBody)] : Routes;
        (string method, string path, bool hasBody, bool changes) = routes[random.Next(routes.Length)];

        // As above, a change that needs no body never goes to an existing story with a good Host: it could be legitimate.
        // With a foreign Host anything goes, real stories included: the Host check must refuse it before it reads a byte.
        // A stalled or oversized body goes to an existing story, where the handler gets as far as reading it (a made-up id is 404 first).
        bool realId = kind is Transport.ChunkedOverCap or Transport.ShortThenStall || (random.Next(2) == 0 && (kind == Transport.ForeignHost || hasBody || !changes));
        // A NUL in the path is Kestrel's to refuse (above); here the path is only the way to a route.
        string id = realId ? RealIds[random.Next(RealIds.Length)] : Garbage(random).Replace("\0", string.Empty, StringComparison.Ordinal);
        string target = "/api/" + path.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal)
            .Replace("{n}", random.Next(3).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        string host = kind == Transport.ForeignHost ? ForeignHosts[random.Next(ForeignHosts.Length)].Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) : $"127.0.0.1:{port}";
        var headers = new List<string> { $"x-functions-key: {Key}", "Content-Type: application/json" };
        if (path == "hooks/plan-choice")
        {
            headers.Add($"{WebhookSignature.TimestampHeader}: {DateTimeOffset.UtcNow.ToUnixTimeSeconds()}");
            headers.Add($"{WebhookSignature.SignatureHeader}: sha256={Convert.ToHexStringLower(RandomBytes(random, 32))}");
            headers.Add($"{WebhookSignature.DeliveryHeader}: fuzz-raw-{random.Next()}");
        }

        // Every body is malformed by construction (an unknown field first), except under a foreign Host, where a valid
        // choice for the waiting story is exactly what a rebinding page would send.
        byte[] body = kind == Transport.ForeignHost && random.Next(2) == 0
            ? "{\"step\":1,\"plan\":1}"u8.ToArray()
            : Body(random, mustBeInvalid: true).ReadAsByteArrayAsync().GetAwaiter().GetResult();
        switch (kind)
        {
            case Transport.Chunked:
                headers.Add("Transfer-Encoding: chunked");
                byte[] chunked = RawHttp.Chunked(body, random.Next(1, 64));
                return [.. RawHttp.Head(method, target, host, [.. headers]), .. random.Next(4) == 0 ? BreakFraming(chunked, random) : chunked];
            case Transport.ChunkedOverCap:
                headers.Add("Transfer-Encoding: chunked");
                byte[] filler = Encoding.UTF8.GetBytes("{\"fuzz\":\"" + new string('x', 1_100_000 + random.Next(200_000)) + "\"}");
                return [.. RawHttp.Head(method, target, host, [.. headers]), .. RawHttp.Chunked(filler, random.Next(1, 5) * 32 * 1024)];
            case Transport.ShortThenStop or Transport.ShortThenHangUp or Transport.ShortThenStall:
                // Shorter than declared: a Content-Length past what is sent, or chunks with no last chunk.
                if (random.Next(3) == 0)
                {
                    headers.Add("Transfer-Encoding: chunked");
                    byte[] unfinished = RawHttp.Chunked(body, random.Next(1, 64));
                    return [.. RawHttp.Head(method, target, host, [.. headers]), .. unfinished.AsSpan(0, unfinished.Length - 5)];
                }

                headers.Add($"Content-Length: {body.Length + 1 + random.Next(5000)}");
                return [.. RawHttp.Head(method, target, host, [.. headers]), .. body];
            case Transport.HugeHeaders:
                string[] huge = random.Next(2) == 0
                    ? ["X-Filler: " + new string('h', 33 * 1024 + random.Next(20_000))]
                    : [.. Enumerable.Range(0, 101 + random.Next(50)).Select(n => $"X-Filler-{n}: {new string('h', random.Next(1, 30))}")];
                return RawHttp.Head(method, target, $"127.0.0.1:{port}", [.. headers, .. huge]);
            case Transport.StalledHeaders:
                return Encoding.ASCII.GetBytes($"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nx-functions-key: {Key}\r\nX-Unfinished");
            default:
                headers.Add($"Content-Length: {body.Length}");
                return [.. RawHttp.Head(method, target, host, [.. headers]), .. body];
        }
    }

    private static readonly string[] ForeignHosts =
    [
        "rebinding.example:{port}", "evil.example", "127.0.0.1.nip.io:{port}", "localhost.evil.example:{port}", "127.0.0.2:{port}",
        "[::2]:{port}", "0.0.0.0:{port}", "2130706433:{port}", "127.1:{port}", "localhost:1", "[::1]:1", "xn--80ak6aa92e.com:{port}",
        "studio:{port}", "LOCALHOST.:{port}",
    ];

    /// <summary>Chunked framing broken so the server sees it at once: a size that is not hex, one past any limit, data longer than its size.</summary>
    private static byte[] BreakFraming(byte[] chunked, Random random) => random.Next(3) switch
    {
        0 => [.. "zz\r\n"u8, .. chunked],
        1 => [.. "fffffffffffffffffff\r\n"u8, .. chunked],
        _ => [.. "3\r\nabcdef\r\n0\r\n\r\n"u8],
    };

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
