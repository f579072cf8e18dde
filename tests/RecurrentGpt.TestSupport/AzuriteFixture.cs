using RecurrentGpt.Local.Runtime.Azurite;

namespace RecurrentGpt.TestSupport;

/// <summary>
/// A private Azurite for a test class: its own free ports and a fresh data folder, started from the project's tools
/// folder (installed on first use) and stopped afterwards. Use as an xunit class or collection fixture.
/// </summary>
public sealed class AzuriteFixture : IAsyncDisposable, IDisposable
{
    private readonly Lazy<Task<AzuriteProcess>> _process;

    public AzuriteFixture()
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "rgpt-azurite-" + Guid.NewGuid().ToString("N"));
        _process = new Lazy<Task<AzuriteProcess>>(() =>
            AzuriteProcess.EnsureRunningAsync(AzuriteEndpoints.OnFreePorts(), DataFolder, AzuriteInstallation.Default(), CancellationToken.None));
    }

    public string DataFolder { get; }

    /// <summary>Starts Azurite on first use and returns its connection string.</summary>
    public async Task<string> ConnectionStringAsync() => (await _process.Value).ConnectionString;

    public async Task<AzuriteEndpoints> EndpointsAsync() => (await _process.Value).Endpoints;

    public async ValueTask DisposeAsync()
    {
        if (_process.IsValueCreated)
        {
            await (await _process.Value).DisposeAsync();
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
