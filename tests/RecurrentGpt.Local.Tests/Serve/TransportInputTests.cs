using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace RecurrentGpt.Local.Tests.Serve;

/// <summary>
/// Bodies that break at the transport — chunked past Kestrel's cap, shorter than their Content-Length, stalled — against
/// the real <c>rgpt serve</c>: a 4xx problem every time the connection can still carry one, never a 5xx.
/// </summary>
public class TransportInputTests(ServeProcessFixture serve) : IClassFixture<ServeProcessFixture>
{
    private string Host => $"127.0.0.1:{serve.Port}";

    [Fact]
    public async Task Chunked_body_over_a_MiB_is_413_body_too_large_every_time()
    {
        // A valid start, then filler: the handler reads on until its own limit or Kestrel's 1 MiB cap, whichever it meets first.
        byte[] body = Encoding.UTF8.GetBytes("{\"topic\":\"" + new string('x', 1_200_000) + "\"}");
        var answers = new List<RawAnswer>();
        foreach (string route in Enumerable.Repeat("/api/stories", 8).Concat(Enumerable.Repeat("/api/hooks/plan-choice", 4)))
        {
            byte[] head = RawHttp.Head("POST", route, Host, $"x-functions-key: {ServeProcessFixture.Key}", "Content-Type: application/json", "Transfer-Encoding: chunked");
            answers.Add(await RawHttp.SendAsync(serve.Port, [.. head, .. RawHttp.Chunked(body, 64 * 1024)], RawEnd.Wait, TimeSpan.FromSeconds(20)));
        }

        Assert.All(answers, answer =>
        {
            Assert.True(answer.Status == 413 && answer.IsProblem, answer.ToString());
            Assert.EndsWith(":body-too-large", JsonDocument.Parse(answer.Body).RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Body_shorter_than_its_content_length_from_a_stalled_client_is_a_4xx_problem_within_the_grace()
    {
        byte[] head = RawHttp.Head("POST", "/api/stories", Host, $"x-functions-key: {ServeProcessFixture.Key}", "Content-Type: application/json", "Content-Length: 4000");
        var clock = Stopwatch.StartNew();

        RawAnswer answer = await RawHttp.SendAsync(serve.Port, [.. head, .. "{\"topic\":\"a stalled client\""u8], RawEnd.Wait, TimeSpan.FromSeconds(20));

        Assert.True(answer.Status is 400 or 408 && answer.IsProblem, answer.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(ServeProcessFixture.StallSeconds + 6), $"answered after {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, (await serve.Api.GetAsync("stories")).StatusCode);
    }

    [Theory]
    [InlineData("zz\r\n{}\r\n0\r\n\r\n")]
    [InlineData("fffffffffffffffffff\r\n{}\r\n0\r\n\r\n")]
    [InlineData("3\r\nabcdef\r\n0\r\n\r\n")]
    public async Task Broken_chunked_framing_is_a_400_malformed_body_problem(string chunks)
    {
        // The second is a chunk size past Int32, which Kestrel reports as a plain IOException rather than a bad request.
        byte[] head = RawHttp.Head("POST", "/api/stories", Host, $"x-functions-key: {ServeProcessFixture.Key}", "Content-Type: application/json", "Transfer-Encoding: chunked");

        RawAnswer answer = await RawHttp.SendAsync(serve.Port, [.. head, .. Encoding.ASCII.GetBytes(chunks)], RawEnd.Wait, TimeSpan.FromSeconds(20));

        Assert.True(answer.Status == 400 && answer.IsProblem, answer.ToString());
        Assert.EndsWith(":malformed-body", JsonDocument.Parse(answer.Body).RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_cut_short_by_a_client_that_stops_sending_is_never_a_5xx()
    {
        byte[] head = RawHttp.Head("PUT", "/api/stories/no-such-story/memory", Host, $"x-functions-key: {ServeProcessFixture.Key}", "Content-Type: application/json", "If-Match: \"x\"", "Content-Length: 4000");

        RawAnswer answer = await RawHttp.SendAsync(serve.Port, [.. head, .. "{\"shortTermMemory\":\"cut"u8], RawEnd.HalfClose, TimeSpan.FromSeconds(20));

        // Kestrel closes a connection whose body ended early without an answer; if one gets out, it is a 4xx problem.
        Assert.True(answer.Status is null ? answer.Ending is "closed" or "reset" : answer.Status is >= 400 and < 500 && answer.IsProblem, answer.ToString());
        Assert.Equal(HttpStatusCode.OK, (await serve.Api.GetAsync("stories")).StatusCode);
    }

    [Fact]
    public async Task Requests_Kestrel_refuses_before_any_middleware_get_its_own_bodyless_answer_and_a_closed_connection()
    {
        TimeSpan deadline = TimeSpan.FromSeconds(20);
        (string What, int Status, byte[] Request)[] refused =
        [
            ("a header over the 32 KiB limit", 431, RawHttp.Head("GET", "/api/stories", Host, "X-Filler: " + new string('a', 40 * 1024))),
            ("over 100 headers", 431, RawHttp.Head("GET", "/api/stories", Host, [.. Enumerable.Range(0, 120).Select(i => $"X-Filler-{i}: a")])),
            ("a request line over 8 KiB", 414, RawHttp.Head("GET", "/api/stories/" + new string('a', 10 * 1024), Host)),
            ("a malformed request line", 400, Encoding.ASCII.GetBytes($"GET /api/stories HTTP/1.1 extra\r\nHost: {Host}\r\n\r\n")),
            ("%00 in the path", 400, RawHttp.Head("GET", "/api/stories/a%00b", Host)),
            ("no Host in HTTP/1.1", 400, Encoding.ASCII.GetBytes("GET /api/stories HTTP/1.1\r\nConnection: close\r\n\r\n")),
            ("two Hosts", 400, RawHttp.Head("GET", "/api/stories", Host, "Host: 127.0.0.1")),
            ("a Content-Length that is not a number", 400, RawHttp.Head("POST", "/api/stories", Host, "Content-Length: abc")),
            ("a transfer coding that is not chunked", 400, RawHttp.Head("POST", "/api/stories", Host, "Transfer-Encoding: gzip")),
            ("headers that stall (Serve:RequestHeadersTimeoutSeconds)", 408, Encoding.ASCII.GetBytes($"GET /api/stories HTTP/1.1\r\nHost: {Host}\r\nX-Half")),

            // The one 5xx Kestrel sends on its own: an HTTP version other than 1.0 and 1.1 on this HTTP/1 endpoint.
            ("an unknown HTTP version", 505, Encoding.ASCII.GetBytes($"GET /api/stories HTTP/1.2\r\nHost: {Host}\r\n\r\n")),
        ];

        foreach ((string what, int status, byte[] request) in refused)
        {
            RawAnswer answer = await RawHttp.SendAsync(serve.Port, request, RawEnd.Wait, deadline);

            // Kestrel answers these itself, before the application runs: a status, Connection: close and no body (not customisable).
            Assert.True(answer.Status == status && answer.Headers.GetValueOrDefault("content-length") == "0" && answer.Ending == "closed", $"{what}: {answer}");
        }

        Assert.Equal(HttpStatusCode.OK, (await serve.Api.GetAsync("stories")).StatusCode);
    }
}
