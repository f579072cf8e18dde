using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RecurrentGpt.Api.Routes;
using RecurrentGpt.Local.Serve;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Local.Tests.Serve;

/// <summary>
/// A 500 says "it is logged": rgpt serve's log must hold it where a user reads it (stderr and the day's file under the
/// data folder), with the request and the exception; the file stays bounded; nothing else reaches the console.
/// </summary>
public sealed class ServeLogTests : IDisposable
{
    private const string Key = "serve-log-test-key-0123";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rgpt-serve-log-" + Guid.NewGuid().ToString("N"));
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly StringWriter _console = new();

    [Fact]
    public async Task A_request_answered_500_is_logged_with_its_method_path_and_exception_to_stderr_and_the_days_file()
    {
        using ServeLog log = NewLog();
        await using LocalApiServer server = await StartAsync(log);
        using var http = new HttpClient { BaseAddress = server.Address };

        using HttpResponseMessage answer = await http.GetAsync("api/stories?max=3");

        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
        Assert.Contains("it is logged", JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        string file = await File.ReadAllTextAsync(Path.Combine(_folder, "serve-20260304.log"));
        foreach (string logged in new[] { file, Console() })
        {
            Assert.Contains("fail: RecurrentGpt.Api.Routes.ApiEndpoint: ListStories: GET /api/stories failed", logged, StringComparison.Ordinal);
            Assert.Contains("System.InvalidOperationException", logged, StringComparison.Ordinal);
            Assert.Contains("   at ", logged, StringComparison.Ordinal);
        }

        Assert.StartsWith("2026-03-04T10:00:00.000+00:00 fail:", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_that_are_not_failures_write_nothing_to_the_console_or_the_log()
    {
        using ServeLog log = NewLog();
        await using LocalApiServer server = await StartAsync(log);
        using var http = new HttpClient { BaseAddress = server.Address };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/openapi.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("no/such/route")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("api/stories", new StringContent("{}"))).StatusCode);

        Assert.Equal(string.Empty, Console());
        Assert.False(Directory.Exists(_folder));
    }

    [Theory]
    [InlineData(true, 499)]
    [InlineData(false, 500)]
    public async Task A_failure_caused_by_the_client_going_away_is_not_logged_as_one(bool clientGone, int status)
    {
        using ServeLog log = NewLog();
        using ILoggerFactory logs = LoggerFactory.Create(logging => logging.AddProvider(log));
        var endpoint = new ApiEndpoint(new ServiceCollection().BuildServiceProvider(), logs.CreateLogger<ApiEndpoint>());

        // What the durable client throws when the request's token is cancelled: gRPC's RpcException wraps the cancellation.
        var route = new ApiRoute("GetStory", "GET", "stories/{id}", ApiAccess.Read, (_, _) => throw new WrappedCancellation(new OperationCanceledException()));
        using var gone = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = gone.Token };
        context.Request.Method = "GET";
        context.Request.Path = "/api/stories/gone";
        if (clientGone)
        {
            await gone.CancelAsync();
        }

        IResult answer = await endpoint.RunAsync(route, context.Request, new RouteArgs(), context.RequestAborted);
        var answered = new DefaultHttpContext();
        answered.Response.Body = new MemoryStream();
        await answer.ExecuteAsync(answered);

        Assert.Equal(status, answered.Response.StatusCode);
        Assert.Equal(clientGone, Console().Length == 0);
    }

    [Fact]
    public void A_days_file_past_its_cap_moves_aside_and_files_older_than_a_week_are_deleted()
    {
        using (var file = new ServeLogFile(_folder, _time, maxFileBytes: 1000))
        {
            for (int i = 0; i < 30; i++)
            {
                file.Append($"line {i:00} " + new string('x', 90));
            }

            _time.Now = _time.Now.AddDays(ServeLogFile.KeptDays + 1);
            file.Append("a week and a day later");
        }

        Assert.Equal(["serve-20260312.log"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        _time.Now = new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);
        using (var file = new ServeLogFile(_folder, _time, maxFileBytes: 1000))
        {
            for (int i = 0; i < 30; i++)
            {
                file.Append($"line {i:00} " + new string('x', 90));
            }
        }

        string current = File.ReadAllText(Path.Combine(_folder, "serve-20260304.log"));
        string moved = File.ReadAllText(Path.Combine(_folder, "serve-20260304.1.log"));
        Assert.True(current.Length <= 1000 && moved.Length <= 1000, $"{current.Length} and {moved.Length} bytes");
        // 99-byte lines, ten to a file: the third ten are current, the second ten moved aside, the first ten gone.
        Assert.StartsWith("line 20 ", current, StringComparison.Ordinal);
        Assert.EndsWith("line 29 " + new string('x', 90) + "\n", current, StringComparison.Ordinal);
        Assert.StartsWith("line 10 ", moved, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _console.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private ServeLog NewLog() => new(_console, new ServeLogFile(_folder, _time), _time);

    private string Console() => _console.ToString();

    /// <summary>The server over a container holding only the endpoint runner: every handler it reaches fails, as a broken one would.</summary>
    private static Task<LocalApiServer> StartAsync(ServeLog log)
    {
        ServiceProvider services = new ServiceCollection().AddLogging(logging => logging.ClearProviders()).AddSingleton<ApiEndpoint>().BuildServiceProvider();
        return LocalApiServer.StartAsync(IPAddress.Loopback, FreePorts.Next(), new LocalApiKey(Key), new ServeOptions(), services, log, CancellationToken.None);
    }

    private sealed class WrappedCancellation(Exception inner) : Exception("Status(StatusCode=\"Cancelled\", Detail=\"Call canceled by the client.\")", inner);

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
