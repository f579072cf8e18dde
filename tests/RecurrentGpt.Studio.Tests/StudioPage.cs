using Microsoft.Playwright;

namespace RecurrentGpt.Studio.Tests;

/// <summary>
/// One browser page on the studio, watching what a person would not see: script errors, policy violations and any
/// request that leaves the server's origin.
/// </summary>
public sealed class StudioPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];
    private readonly List<string> _foreignRequests = [];
    private readonly Lock _gate = new();

    public StudioPage(IBrowserContext context, IPage page, Uri origin)
    {
        _context = context;
        Page = page;
        string prefix = origin.GetLeftPart(UriPartial.Authority) + "/";
        page.Console += (_, message) =>
        {
            // A refused change (401, 409, 412) is logged by the browser as a failed fetch: expected, not a page error.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                Note(_problems, "console: " + message.Text);
            }
        };
        page.PageError += (_, error) => Note(_problems, "page error: " + error);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(prefix, StringComparison.Ordinal))
            {
                Note(_foreignRequests, request.Url);
            }
        };
    }

    public IPage Page { get; }

    public Task GoAsync(string route) => Page.EvaluateAsync("route => { location.hash = route; }", route);

    public ILocator Paragraphs => Page.Locator("#paragraphs > li");

    public ILocator Plans => Page.Locator("#plans > li");

    public ILocator MemoryBox => Page.GetByRole(AriaRole.Textbox, new() { Name = "Short-term memory" });

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Nothing went wrong that the page did not show: no script error, no policy violation, no outside request.</summary>
    public void AssertClean()
    {
        lock (_gate)
        {
            Assert.True(_problems.Count == 0, "the page reported problems:\n" + string.Join("\n", _problems));
            Assert.True(_foreignRequests.Count == 0, "the page asked another origin:\n" + string.Join("\n", _foreignRequests));
        }
    }

    /// <summary>Readable at this width: nothing forces the reader to scroll sideways.</summary>
    public async Task AssertFitsAsync()
    {
        int overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than the viewport");
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private void Note(List<string> list, string text)
    {
        lock (_gate)
        {
            list.Add(text);
        }
    }
}
