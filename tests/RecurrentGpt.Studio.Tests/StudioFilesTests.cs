using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RecurrentGpt.Studio.Tests;

/// <summary>How rgpt serve hands out the studio's files: from the assembly, typed, uncached, under a strict policy.</summary>
[Collection(StudioCollection.Name)]
public partial class StudioFilesTests(StudioServer server)
{
    private static readonly string Folder = Path.Combine(StudioServer.RepositoryRoot, "src", "RecurrentGpt.Local", "Studio", "wwwroot");

    [Fact]
    public async Task Root_serves_index_html_with_a_strict_policy_and_no_cache()
    {
        using var http = new HttpClient { BaseAddress = server.Address };
        HttpResponseMessage index = await http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", index.Headers.CacheControl?.ToString());
        string policy = string.Join(";", index.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", index.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Folder, "index.html")), await index.Content.ReadAsStringAsync());

        // Unchanged since the last fetch: a 304, so "no-cache" costs little.
        using var again = new HttpRequestMessage(HttpMethod.Get, "/");
        again.Headers.TryAddWithoutValidation("If-None-Match", index.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task Every_file_of_the_deployable_folder_is_served_with_its_type_and_nothing_else_is()
    {
        using var http = new HttpClient { BaseAddress = server.Address };
        var types = new Dictionary<string, string> { [".html"] = "text/html", [".css"] = "text/css", [".js"] = "text/javascript", [".svg"] = "image/svg+xml" };
        string[] files = Directory.GetFiles(Folder).Where(f => Path.GetFileName(f) != "staticwebapp.config.json").ToArray();
        Assert.Contains(files, f => f.EndsWith(".js", StringComparison.Ordinal));

        foreach (string file in files)
        {
            HttpResponseMessage response = await http.GetAsync("/" + Path.GetFileName(file));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(types[Path.GetExtension(file)], response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(await File.ReadAllBytesAsync(file), await response.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/staticwebapp.config.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/no-such-file.js")).StatusCode);
    }

    [Fact]
    public async Task Page_has_no_inline_script_or_style_and_Static_Web_Apps_gets_the_same_policy()
    {
        string html = await File.ReadAllTextAsync(Path.Combine(Folder, "index.html"));
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        foreach (string script in Directory.GetFiles(Folder, "*.js"))
        {
            string code = await File.ReadAllTextAsync(script);
            Assert.DoesNotContain("innerHTML", code, StringComparison.Ordinal);
            Assert.DoesNotMatch(AbsoluteUrl(), code);
        }

        using JsonDocument config = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "staticwebapp.config.json")));
        using var http = new HttpClient { BaseAddress = server.Address };
        HttpResponseMessage index = await http.GetAsync("/");
        Assert.Equal(
            string.Join(";", index.Headers.GetValues("Content-Security-Policy")),
            config.RootElement.GetProperty("globalHeaders").GetProperty("Content-Security-Policy").GetString());
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("https?://", RegexOptions.IgnoreCase)]
    private static partial Regex AbsoluteUrl();
}
