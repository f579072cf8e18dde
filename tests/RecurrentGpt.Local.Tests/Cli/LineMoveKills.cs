using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RecurrentGpt.Api.Hosting;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Offline;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Local.Tests.Cli;

/// <summary>
/// How the SIGKILL tests of the tree's moves run rgpt: through a <see cref="StorageProxy"/> that kills it at one write of
/// the move (before it lands, or after it landed unheard), then straight on Azurite to resume. What was written is read
/// back in-process with the services <c>rgpt check</c> and <c>rgpt export</c> use, so each kill point costs few processes.
/// </summary>
public abstract class LineMoveKills(AzuriteFixture azurite, string name) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    protected const int Paragraphs = 5;
    protected const int AtStep = 1;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"rgpt-kill-{name}-" + Guid.NewGuid().ToString("N"));
    private StorageProxy _proxy = null!;
    private ServiceProvider _services = null!;

    private protected StoredStories Stories { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _proxy = await StorageProxy.StartAsync(await azurite.EndpointsAsync());
        string storage = await azurite.ConnectionStringAsync();
        Stories = new StoredStories(storage);
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = storage }).Build();
        _services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddStoryServices(configuration, new StoryHostOptions { Chat = new OfflineWriter() })
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _services.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The story's blobs and rows, ETags included.</summary>
    protected async Task<string> FootprintAsync(string id) => await StoryFootprint.ReadAsync(await azurite.ConnectionStringAsync(), id);

    /// <summary>Runs rgpt through the proxy and kills it at <paramref name="write"/> once the move has begun (its first read of <paramref name="storyId"/>'s state).</summary>
    protected async Task KilledAsync(string storyId, string write, TrapAction when, params string[] arguments)
    {
        string moveBegins = $"GET /devstoreaccount1/StoryMemory(PartitionKey='{storyId}',RowKey='state')";
        bool begun = false;
        bool sprung = false;
        RgptProcess? victim = null;
        _proxy.Clear();
        _proxy.Trap = (_, line) =>
        {
            begun |= line.StartsWith(moveBegins, StringComparison.Ordinal);
            if (!begun || sprung || !line.StartsWith(write, StringComparison.Ordinal))
            {
                return TrapAction.None;
            }

            sprung = true;
            return when;
        };
        _proxy.Sprung = () => victim!.Kill();
        try
        {
            using (victim = RgptProcess.Start(await EnvironmentAsync(direct: false), _folder, arguments))
            {
                int exit = await victim.WaitForExitAsync(TimeSpan.FromMinutes(2));
                Assert.True(sprung, $"rgpt {string.Join(' ', arguments)} made no request \"{write}\" (exit {exit}); it made:\n{string.Join('\n', _proxy.Seen)}\n{victim.Output}");
                Assert.NotEqual(0, exit);
            }
        }
        finally
        {
            _proxy.Trap = null;
        }
    }

    protected async Task WriteAsync(string id)
    {
        (int exit, string output) = await RunAsync("write", "a lighthouse keeper vanishes", "--paragraphs", $"{Paragraphs}", "--id", id);
        Assert.True(exit == 0, output);
    }

    /// <summary><c>rgpt resume</c> writes the story to its end, and it is whole there.</summary>
    protected async Task ResumeToTheEndAsync(string id)
    {
        (int exit, string output) = await RunAsync("resume", id);
        Assert.True(exit == 0, output);
        StoryState state = (await Stories.GetAsync(id))!;
        Assert.Equal((StoryStatus.Completed, Paragraphs), (state.Status, state.ParagraphCount));
        await AssertWholeAsync(id);
    }

    /// <summary>What <c>rgpt check</c> finds: nothing amiss.</summary>
    protected async Task AssertWholeAsync(string id) =>
        Assert.Empty(await _services.GetRequiredService<StoryAudit>().CheckAsync(id, CancellationToken.None));

    /// <summary>What <c>rgpt export</c> writes.</summary>
    protected Task<string> ExportAsync(string id) =>
        _services.GetRequiredService<StoryExport>().RenderAsync(id, ExportFormat.Markdown, CancellationToken.None);

    protected static string IdFor(string prefix, string write, TrapAction when)
    {
        string target = new([.. write.Split('/')[^1].Where(char.IsLetter).Select(char.ToLowerInvariant)]);
        return $"{prefix}-{target}-{when.ToString().ToLowerInvariant()}";
    }

    /// <summary>rgpt straight on Azurite, as a writer runs it after the crash.</summary>
    protected async Task<(int Exit, string Output)> RunAsync(params string[] arguments)
    {
        using RgptProcess rgpt = RgptProcess.Start(await EnvironmentAsync(direct: true), _folder, arguments);
        int exit = await rgpt.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (exit, rgpt.Output);
    }

    private async Task<IReadOnlyDictionary<string, string>> EnvironmentAsync(bool direct) => new Dictionary<string, string>
    {
        ["RGPT_DATA"] = Path.Combine(_folder, "data"),
        ["RGPT_Storage__ConnectionString"] = direct ? await azurite.ConnectionStringAsync() : _proxy.Endpoints.ConnectionString,
        ["RGPT_Model__Provider"] = "Offline",
        ["RGPT_Workflow__SweepInterval"] = "00:00:01",

        // Work a killed rgpt held is handed out again once its lock lapses: keep that short in tests.
        ["RGPT_Runtime__ActivityLockTimeout"] = "00:00:05",
        ["RGPT_Runtime__OrchestrationLockTimeout"] = "00:00:05",
    };
}
