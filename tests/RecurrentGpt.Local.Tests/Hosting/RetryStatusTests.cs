using Microsoft.Extensions.Configuration;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Embeddings;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Local.Cli;
using RecurrentGpt.Local.Hosting;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Local.Tests.Hosting;

/// <summary>A retry answers "writing", and every reader sees writing from that moment on, not the needs-attention before it.</summary>
public class RetryStatusTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly Lazy<MiniLmEmbeddingGenerator> Embeddings = new(() => new MiniLmEmbeddingGenerator());
    private ChatCompletionsServer _model = null!;
    private volatile bool _failing = true;

    public async Task InitializeAsync()
    {
        _model = await ChatCompletionsServer.StartAsync();
        _model.WhenScriptIsEmpty = OfflineWriterReplies.StepCallsFailWhile(() => _failing, "the model is down for maintenance");
    }

    public async Task DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task Story_reads_writing_as_soon_as_retry_returns()
    {
        const string id = "retry-window";
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = await azurite.ConnectionStringAsync(),
            ["Workflow:ModelAttempts"] = "1",
        }).Build();
        var model = new ModelChoice(_model.ChatClient(), Embeddings.Value, "chat-completions test server", IsOffline: false);
        await using LocalStoryHost host = await LocalStoryHost.StartAsync(new LocalPaths(azurite.DataFolder), model, configuration, CancellationToken.None);
        await host.Get<StoryStarter>().StartAsync(new NewStory(id, new Premise("mystery", "a lighthouse keeper vanishes", null, StoryLanguage.English), StoryMode.Auto, 4), CancellationToken.None);
        StoryStateStore states = host.Get<StoryStateStore>();
        await Polling.UntilAsync(() => StateAsync(states, id), s => s.Status == StoryStatus.NeedsAttention, last => $"{last?.Status}");

        _failing = false;
        ControlOutcome outcome = await host.Get<StoryControl>().RetryAsync(id, CancellationToken.None);
        StoryStatus rightAfter = await host.Get<StoryStatusReader>().StatusOfAsync(await StateAsync(states, id), CancellationToken.None);

        Assert.Equal(StoryStatus.Writing, outcome.Status);
        Assert.Equal(StoryStatus.Writing, rightAfter);
        StoryState done = await Polling.UntilAsync(() => StateAsync(states, id), s => s.Status == StoryStatus.Completed, last => $"{last?.Status}", TimeSpan.FromMinutes(2));
        Assert.Null(done.AttentionReason);
    }

    private static async Task<StoryState> StateAsync(StoryStateStore states, string id) =>
        (await states.GetAsync(id, CancellationToken.None))?.State ?? throw new InvalidOperationException($"story {id} has no state");
}
