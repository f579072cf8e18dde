using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Local.Tests.Cli;

/// <summary>
/// Tests that run rgpt as a writer would, each in a folder of its own (stories and data there), on the class's Azurite
/// and the offline writer.
/// </summary>
public abstract class RgptCommandTests(AzuriteFixture azurite, string name) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), $"rgpt-{name}-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    protected Task<string> ConnectionStringAsync() => azurite.ConnectionStringAsync();

    protected async Task<int> RunAsync(params string[] arguments) => (await RunWithOutputAsync(arguments)).Exit;

    protected async Task<(int Exit, string Output, string Errors)> RunWithOutputAsync(params string[] arguments)
    {
        using RgptProcess rgpt = RgptProcess.Start(await EnvironmentAsync(), Folder, arguments);
        int exit = await rgpt.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (exit, rgpt.Output, rgpt.Errors);
    }

    private async Task<IReadOnlyDictionary<string, string>> EnvironmentAsync() => new Dictionary<string, string>
    {
        ["RGPT_DATA"] = Path.Combine(Folder, "data"),
        ["RGPT_Storage__ConnectionString"] = await azurite.ConnectionStringAsync(),
        ["RGPT_Model__Provider"] = "Offline",
    };
}
