using System.Diagnostics;
using System.Globalization;
using RecurrentGpt.Local.Tests.Cli;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Local.Tests.Serve;

/// <summary>
/// One real <c>rgpt serve</c> for a test class, over its own Azurite, with short stall timeouts so a stalled client costs
/// seconds, and two extra names allowed for the Host check.
/// </summary>
public sealed class ServeProcessFixture : IAsyncLifetime
{
    public const string Key = "transport-test-key-0123456789";
    public const string Secret = "transport-test-webhook-secret";

    /// <summary>Allowed with any port (the server's own); the second only with the port it names.</summary>
    public const string AllowedName = "studio.example";
    public const string AllowedNameWithPort = "desk.example:8443";

    /// <summary>Kestrel's grace before a body slower than its minimum rate is refused (Serve:RequestBodyGraceSeconds).</summary>
    public const int StallSeconds = 2;

    private readonly AzuriteFixture _azurite = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rgpt-transport-" + Guid.NewGuid().ToString("N"));
    private RgptProcess? _server;

    public int Port { get; private set; }

    public string DataFolder => Path.Combine(_folder, "data");

    public string Output => _server?.Output ?? string.Empty;

    public bool HasExited => _server?.HasExited ?? true;

    public HttpClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        string storage = await _azurite.ConnectionStringAsync();

        // Taken once Azurite listens (it takes free ports too), so the two cannot pick the same one.
        Port = FreePorts.Next();
        _server = RgptProcess.Start(new Dictionary<string, string>
        {
            ["RGPT_DATA"] = DataFolder,
            ["RGPT_Storage__ConnectionString"] = storage,
            ["RGPT_Serve__ApiKey"] = Key,
            ["RGPT_Webhook__Secret"] = Secret,
            ["RGPT_Model__Provider"] = "Offline",
            ["RGPT_Serve__AllowedHosts__0"] = AllowedName,
            ["RGPT_Serve__AllowedHosts__1"] = AllowedNameWithPort,
            ["RGPT_Serve__RequestBodyGraceSeconds"] = StallSeconds.ToString(CultureInfo.InvariantCulture),
            ["RGPT_Serve__RequestHeadersTimeoutSeconds"] = StallSeconds.ToString(CultureInfo.InvariantCulture),
        }, _folder, "serve", "--port", Port.ToString(CultureInfo.InvariantCulture));
        Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}/api/"), Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        while (!_server.Output.Contains("Serving the v1 API", StringComparison.Ordinal))
        {
            if (_server.HasExited || clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new InvalidOperationException("rgpt serve did not start: " + _server.Output);
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Every line rgpt serve wrote to its log files under the data folder.</summary>
    public string LogFiles()
    {
        string logs = Path.Combine(DataFolder, "logs");
        return Directory.Exists(logs)
            ? string.Concat(Directory.GetFiles(logs).Order(StringComparer.Ordinal).Select(ReadShared))
            : string.Empty;
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        _server?.Dispose();
        await _azurite.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    // The server keeps its log file open for appending.
    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
