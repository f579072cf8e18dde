using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RecurrentGpt.Local.Tests.Cli;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Studio.Tests;

/// <summary>
/// The real <c>rgpt serve</c> as a user runs it: a child process on a free loopback port over its own private Azurite,
/// with an API client that sends the key, and helpers that wait on a story by polling with a deadline.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    public const string Key = "studio-test-key-0123456789";

    private readonly AzuriteFixture _azurite;
    private readonly string _folder;
    private readonly RgptProcess _process;

    private ServeProcess(AzuriteFixture azurite, string folder, RgptProcess process, Uri address)
    {
        _azurite = azurite;
        _folder = folder;
        _process = process;
        Address = address;
        Api = new HttpClient { BaseAddress = new Uri(address, "api/"), Timeout = TimeSpan.FromSeconds(30) };
        Api.DefaultRequestHeaders.Add("x-functions-key", Key);
    }

    public Uri Address { get; }

    public HttpClient Api { get; }

    public string Output => _process.Output;

    /// <summary>Starts rgpt serve with the given model settings (RGPT_ variables) and waits until it prints the studio's address.</summary>
    public static async Task<ServeProcess> StartAsync(IReadOnlyDictionary<string, string> modelSettings)
    {
        var azurite = new AzuriteFixture();
        string folder = Path.Combine(Path.GetTempPath(), "rgpt-studio-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        int port = FreePorts.Next();
        var environment = new Dictionary<string, string>(modelSettings)
        {
            ["RGPT_DATA"] = Path.Combine(folder, "data"),
            ["RGPT_Storage__ConnectionString"] = await azurite.ConnectionStringAsync(),
            ["RGPT_Serve__ApiKey"] = Key,
        };
        RgptProcess process = RgptProcess.Start(environment, folder, "serve", "--port", port.ToString(CultureInfo.InvariantCulture));
        var serve = new ServeProcess(azurite, folder, process, new Uri($"http://127.0.0.1:{port}/"));

        var clock = Stopwatch.StartNew();
        while (!process.Output.Contains("Studio: ", StringComparison.Ordinal))
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                await serve.DisposeAsync();
                throw new InvalidOperationException("rgpt serve did not start: " + process.Output);
            }

            await Task.Delay(100);
        }

        return serve;
    }

    /// <summary>Starts a story through the API (not the page) and returns its id.</summary>
    public async Task<string> CreateStoryAsync(string topic, int targetParagraphs, string mode = "interactive", string genre = "mystery")
    {
        HttpResponseMessage created = await Api.PostAsJsonAsync("stories", new { topic, genre, targetParagraphs, mode });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> StoryAsync(string id) => await Api.GetFromJsonAsync<JsonElement>($"stories/{id}");

    public async Task<JsonElement> WaitForAsync(string id, Func<JsonElement, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        JsonElement story = default;
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            story = await StoryAsync(id);
            if (condition(story))
            {
                return story;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"story {id} did not reach {what}: {story}; server output: {Output}");
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        _process.Dispose();
        await _azurite.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the killed process's last write: the temp folder is left for the system to clean.
        }
    }

}
