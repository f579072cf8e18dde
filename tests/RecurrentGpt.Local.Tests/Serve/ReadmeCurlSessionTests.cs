using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Local.Tests.Serve;

/// <summary>The README's curl session, run as printed (only the port changes, to a free one) against a private Azurite.</summary>
public partial class ReadmeCurlSessionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Readme_curl_session_creates_a_story_takes_a_choice_and_exports_it()
    {
        string root = RepositoryRoot();
        string session = CurlSession().Match(await File.ReadAllTextAsync(Path.Combine(root, "README.md"))).Groups["script"].Value;
        Assert.False(string.IsNullOrWhiteSpace(session), "README.md has no curl session between its markers");
        int port = FreePorts.Next();
        string data = Path.Combine(Path.GetTempPath(), "rgpt-readme-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("bash", ["-c", "set -euo pipefail\n" + session.Replace("7071", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["RGPT_DATA"] = data;
        start.Environment["RGPT_Storage__ConnectionString"] = await azurite.ConnectionStringAsync();
        start.Environment["RGPT_Model__Provider"] = "Offline";

        using Process bash = Process.Start(start)!;
        Task<string> output = bash.StandardOutput.ReadToEndAsync();
        Task<string> errors = bash.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await bash.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!bash.HasExited)
            {
                bash.Kill(entireProcessTree: true);
            }

            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }

        string printed = await output;
        Assert.True(bash.ExitCode == 0, $"exit {bash.ExitCode}\n{printed}\n{await errors}");
        Assert.Contains("{\"id\":\"keeper\",\"statusUrl\":", printed, StringComparison.Ordinal);
        Assert.Contains("\"source\":\"picked\"", printed, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"awaiting-choice\"", printed, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^# \S", printed);

        // The session's last line stops the server (SIGTERM): it must let go of its port, not linger.
        var clock = Stopwatch.StartNew();
        while (IsListening(port))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "rgpt serve still listens after the session's kill %1");
            await Task.Delay(200);
        }
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"<!-- curl-session:start -->\s*```bash\n(?<script>.*?)```\s*<!-- curl-session:end -->", RegexOptions.Singleline)]
    private static partial Regex CurlSession();

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RecurrentGpt.Functions.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (RecurrentGpt.Functions.sln) is not above " + AppContext.BaseDirectory);
    }

}
