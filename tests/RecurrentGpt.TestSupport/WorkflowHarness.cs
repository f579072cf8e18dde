using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RecurrentGpt.Api.Hosting;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Embeddings;
using RecurrentGpt.Infrastructure.Offline;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow;

namespace RecurrentGpt.TestSupport;

/// <summary>
/// The real orchestrator and activities on the durable engine's in-memory backend, with the services the hosts' composition
/// root makes: real stores on a private Azurite, MiniLM embeddings and the offline writer (or a chat-completions server)
/// answering the model calls.
/// </summary>
public sealed class WorkflowHarness : IAsyncDisposable
{
    private static readonly Lazy<MiniLmEmbeddingGenerator> SharedEmbeddings = new(() => new MiniLmEmbeddingGenerator());
    private readonly DurableTaskTestHost _host;

    private WorkflowHarness(DurableTaskTestHost host) => _host = host;

    public DurableTaskClient Client => _host.Client;

    public IServiceProvider Services => _host.Services;

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <param name="port">The engine's fixed port, one per test class, chosen below 32768: Linux hands out ephemeral ports
    /// (any port-0 listener or outgoing connection) from 32768 up, so a fixed port there can be taken at random.</param>
    /// <param name="services">Runs after the composition root's registrations: replace a service or configure options here.</param>
    public static async Task<WorkflowHarness> StartAsync(
        AzuriteFixture azurite,
        int port,
        IChatClient? chat = null,
        TimeProvider? time = null,
        Action<WorkflowOptions>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = await azurite.ConnectionStringAsync(),
            ["Workflow:ModelRetryDelay"] = "00:00:00.200",
        }).Build();
        DurableTaskTestHost host = await DurableTaskTestHost.StartAsync(
            registry => registry.AddStoryWorkflow(),
            new DurableTaskTestHostOptions
            {
                Port = port,
                ConfigureServices = collection =>
                {
                    collection.AddSingleton(time ?? TimeProvider.System);
                    collection.AddStoryServices(configuration, new StoryHostOptions
                    {
                        Chat = chat ?? new OfflineWriter(),
                        Embeddings = SharedEmbeddings.Value,
                    });
                    if (configure is not null)
                    {
                        collection.Configure(configure);
                    }

                    services?.Invoke(collection);
                },
            });
        await host.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(CancellationToken.None);
        return new WorkflowHarness(host);
    }

    public Task<StoryState> StateAsync(string storyId) => new Stories.StoryDriver(Services).StateAsync(storyId);

    /// <summary>Polls the state row until <paramref name="condition"/> holds, failing with the last state seen after the deadline.</summary>
    public Task<StoryState> WaitForAsync(string storyId, Func<StoryState, bool> condition, TimeSpan? timeout = null) =>
        new Stories.StoryDriver(Services).WaitForAsync(storyId, condition, timeout);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
