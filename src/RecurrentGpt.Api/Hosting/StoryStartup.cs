using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecurrentGpt.Infrastructure.Embeddings;
using RecurrentGpt.Infrastructure.Models;
using RecurrentGpt.Infrastructure.Offline;
using RecurrentGpt.Infrastructure.Storage;

namespace RecurrentGpt.Api.Hosting;

/// <summary>
/// At start-up, on every host: says plainly which model writes, which model embeds and where stories are kept (never a
/// key or a connection string), and creates the story container and tables when they are missing.
/// </summary>
/// <remarks>
/// Services are resolved in <see cref="StartAsync"/>, not injected: the host makes its hosted services before it
/// validates options, and a bad setting must fail with the validation message, not a client constructor's.
/// </remarks>
internal sealed partial class StoryStartup(IServiceProvider services, ILogger<StoryStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        StoryHostOptions host = services.GetRequiredService<StoryHostOptions>();
        // Made now, so a client that cannot be made fails the start, not a story's first step.
        IChatClient chat = services.GetRequiredService<IChatClient>();
        if (chat is OfflineWriter)
        {
            LogOfflineWriter();
        }
        else
        {
            LogModel(host.ChatDescription ?? services.GetRequiredService<IOptions<ModelOptions>>().Value.Describe());
        }

        EmbeddingOptions embeddings = services.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
        LogEmbeddings(embeddings.Provider == EmbeddingProvider.AzureOpenAI ? $"Azure OpenAI deployment '{embeddings.Deployment}'" : "the local MiniLM model");

        StorageOptions storage = services.GetRequiredService<StorageOptions>();
        LogStorage(storage.UsesTokenCredential
            ? $"{storage.BlobServiceUri} and {storage.TableServiceUri}, signed in with the app's managed identity"
            : storage.ConnectionString == StorageOptions.DevelopmentConnectionString ? "the storage emulator (Azurite)" : "the account of Storage:ConnectionString");
        await services.GetRequiredService<StorageClients>().EnsureCreatedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stories are written by the offline writer, a deterministic rehearsal tool, not a language model: set Model:Provider to write real prose")]
    private partial void LogOfflineWriter();

    [LoggerMessage(Level = LogLevel.Information, Message = "Stories are written by {Model}")]
    private partial void LogModel(string model);

    [LoggerMessage(Level = LogLevel.Information, Message = "Paragraphs are embedded by {Embeddings}")]
    private partial void LogEmbeddings(string embeddings);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stories are kept in {Storage}")]
    private partial void LogStorage(string storage);
}
