using System.Net;
using System.Text.Json;
using RecurrentGpt.Local.Tests.Cli;

namespace RecurrentGpt.Local.Tests.Serve;

/// <summary>
/// rgpt serve answers only requests that name it in their Host header, so a page that rebinds its own domain name to
/// 127.0.0.1 can neither read stories nor change them from the user's browser.
/// </summary>
public class HostCheckTests(ServeProcessFixture serve) : IClassFixture<ServeProcessFixture>
{
    private const string Rebound = "rebinding.example";

    [Theory]
    [InlineData("GET", "/api/stories")]
    [InlineData("GET", "/api/stories/some-story")]
    [InlineData("GET", "/api/openapi.json")]
    [InlineData("GET", "/")]
    [InlineData("GET", "/app.js")]
    [InlineData("GET", "/no/such/route")]
    public async Task A_foreign_host_is_refused_421_host_not_allowed_on_every_path(string method, string path)
    {
        RawAnswer answer = await RawHttp.SendAsync(serve.Port, RawHttp.Head(method, path, $"{Rebound}:{serve.Port}"), RawEnd.Wait, TimeSpan.FromSeconds(20));

        Assert.True(answer.Status == 421 && answer.IsProblem, answer.ToString());
        Assert.Equal("urn:recurrentgpt:problem:host-not-allowed", JsonDocument.Parse(answer.Body).RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_change_from_a_foreign_host_is_refused_and_writes_nothing()
    {
        byte[] body = """{"id":"rebound-story","topic":"a page that rebinds its name"}"""u8.ToArray();
        byte[] head = RawHttp.Head("POST", "/api/stories", $"{Rebound}:{serve.Port}", $"x-functions-key: {ServeProcessFixture.Key}", "Content-Type: application/json", $"Content-Length: {body.Length}");

        RawAnswer answer = await RawHttp.SendAsync(serve.Port, [.. head, .. body], RawEnd.Wait, TimeSpan.FromSeconds(20));

        Assert.True(answer.Status == 421 && answer.IsProblem, answer.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await serve.Api.GetAsync("stories/rebound-story")).StatusCode);
    }

    [Fact]
    public async Task Loopback_names_and_configured_names_with_the_servers_port_are_served()
    {
        string[] allowed = [$"127.0.0.1:{serve.Port}", $"localhost:{serve.Port}", $"LOCALHOST:{serve.Port}", $"[::1]:{serve.Port}",
            $"{ServeProcessFixture.AllowedName}:{serve.Port}", ServeProcessFixture.AllowedNameWithPort];
        string[] refused = [$"127.0.0.1:{serve.Port + 1}", "127.0.0.1", "localhost", $"{ServeProcessFixture.AllowedName}:{serve.Port + 1}",
            $"desk.example:{serve.Port}", $"localhost.{Rebound}:{serve.Port}", $"10.0.0.1:{serve.Port}"];

        foreach (string host in allowed)
        {
            RawAnswer answer = await RawHttp.SendAsync(serve.Port, RawHttp.Head("GET", "/api/stories", host), RawEnd.Wait, TimeSpan.FromSeconds(20));
            Assert.True(answer.Status == 200, $"Host {host}: {answer}");
        }

        foreach (string host in refused)
        {
            RawAnswer answer = await RawHttp.SendAsync(serve.Port, RawHttp.Head("GET", "/api/stories", host), RawEnd.Wait, TimeSpan.FromSeconds(20));
            Assert.True(answer.Status == 421 && answer.IsProblem, $"Host {host}: {answer}");
        }
    }

    [Fact]
    public async Task A_refused_host_is_a_warning_on_stderr_and_in_the_days_log_file_once()
    {
        const string Probe = "warned-once.example";
        for (int i = 0; i < 3; i++)
        {
            RawAnswer answer = await RawHttp.SendAsync(serve.Port, RawHttp.Head("GET", "/api/stories", $"{Probe}:{serve.Port}"), RawEnd.Wait, TimeSpan.FromSeconds(20));
            Assert.Equal(421, answer.Status);
        }

        Assert.True(await RawHttp.EventuallyAsync(() => serve.LogFiles().Contains(Probe, StringComparison.Ordinal), TimeSpan.FromSeconds(10)), "no log file names the refused host:\n" + serve.LogFiles());
        Assert.True(await RawHttp.EventuallyAsync(() => serve.Output.Contains(Probe, StringComparison.Ordinal), TimeSpan.FromSeconds(10)), serve.Output);
        string[] logged = serve.LogFiles().Split('\n').Where(line => line.Contains(Probe, StringComparison.Ordinal)).ToArray();
        string line = Assert.Single(logged);
        Assert.Contains("GET /api/stories", line, StringComparison.Ordinal);
        Assert.Matches(@"serve-\d{8}\.log$", Assert.Single(Directory.GetFiles(Path.Combine(serve.DataFolder, "logs"))));
    }

    [Fact]
    public async Task An_allowed_host_that_is_not_a_host_name_stops_rgpt_serve_with_one_line_before_it_starts()
    {
        string folder = Directory.CreateTempSubdirectory("rgpt-hosts-").FullName;
        try
        {
            using RgptProcess rgpt = RgptProcess.Start(new Dictionary<string, string>
            {
                ["RGPT_DATA"] = Path.Combine(folder, "data"),
                ["RGPT_Model__Provider"] = "Offline",

                // Storage nobody listens on: whatever happens, this rgpt starts no Azurite of its own.
                ["RGPT_Storage__ConnectionString"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;",
                ["RGPT_Serve__AllowedHosts__0"] = "https://studio.example/",
            }, folder, "serve", "--port", "1");

            Assert.Equal(2, await rgpt.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("rgpt: Serve:AllowedHosts:0 is \"https://studio.example/\"", rgpt.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Serving", rgpt.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
