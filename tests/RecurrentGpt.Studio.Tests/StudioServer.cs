using System.Text.Json;
using Microsoft.Playwright;

namespace RecurrentGpt.Studio.Tests;

[CollectionDefinition(Name)]
public sealed class StudioCollection : ICollectionFixture<StudioServer>
{
    // One rgpt serve and one browser for the studio tests, run one after another: starting them is most of the cost,
    // and the machine has two cores.
    public const string Name = "studio";
}

/// <summary>
/// <c>rgpt serve</c> with the offline writer, and Debian's Chromium driven by Playwright, headless. Never a downloaded
/// browser: the executable is /usr/bin/chromium (or RGPT_CHROMIUM), installed by test.sh from Debian's packages.
/// </summary>
public sealed class StudioServer : IAsyncLifetime
{
    public const string Key = ServeProcess.Key;
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private ServeProcess? _serve;
    private IPlaywright? _playwright;

    public ServeProcess Serve => _serve ?? throw new InvalidOperationException("not started");

    public Uri Address => Serve.Address;

    public HttpClient Api => Serve.Api;

    public IBrowser Browser { get; private set; } = null!;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public async Task InitializeAsync()
    {
        Task<ServeProcess> serve = ServeProcess.StartAsync(new Dictionary<string, string> { ["RGPT_Model__Provider"] = "Offline" });
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchAsync(_playwright);
        Assertions.SetDefaultExpectTimeout(15_000);
        _serve = await serve;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_serve is not null)
        {
            await _serve.DisposeAsync();
        }
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        string path = Environment.GetEnvironmentVariable("RGPT_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: test.sh installs Debian's chromium (apt-get install chromium); no browser is downloaded");
        }

        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (its own session storage) at the given size, opened at <paramref name="route"/>.</summary>
    public Task<StudioPage> OpenAsync(ViewportSize viewport, string route = "#/", bool withKey = true) => OpenAsync(Serve, viewport, route, withKey);

    public async Task<StudioPage> OpenAsync(ServeProcess serve, ViewportSize viewport, string route = "#/", bool withKey = true)
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport, AcceptDownloads = true });
        var page = new StudioPage(context, await context.NewPageAsync(), serve.Address);

        // As rgpt serve prints it: the key in the fragment. The page takes it, then the test goes where it wants.
        await page.Page.GotoAsync(withKey ? new Uri(serve.Address, "/#key=" + Uri.EscapeDataString(Key)).ToString() : serve.Address.ToString());
        await Assertions.Expect(page.Page.Locator("#list-title")).ToBeVisibleAsync();
        if (route != "#/")
        {
            await page.GoAsync(route);
        }

        return page;
    }

    /// <summary>Starts an interactive story through the API and waits until its opening and three plans are there.</summary>
    public async Task<string> StartStoryAsync(string topic, int targetParagraphs = 6)
    {
        string id = await Serve.CreateStoryAsync(topic, targetParagraphs);
        await Serve.WaitForAsync(id, story => story.GetProperty("status").GetString() == "awaiting-choice", "the opening and three plans");
        return id;
    }

    public Task<JsonElement> StoryAsync(string id) => Serve.StoryAsync(id);

    /// <summary>Saves a full-page screenshot under artifacts/screenshots (CI keeps it with the test results).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name, fullPage: true);
    }

    /// <summary>A screenshot of the whole page, or of what the viewport shows now (a part of a long phone page).</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage)
    {
        string folder = Path.Combine(RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RecurrentGpt.Functions.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("the repository root (RecurrentGpt.Functions.sln) was not found above " + AppContext.BaseDirectory);
    }
}
