using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RecurrentGpt.Api;
using RecurrentGpt.Infrastructure.Offline;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Local.Cli;
using RecurrentGpt.Local.Hosting;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Notifications;

namespace RecurrentGpt.Functions.Tests;

/// <summary>One configuration means one thing to both hosts: the Functions app and rgpt compose from the same root.</summary>
public class HostCompositionTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Storage:ContainerName"] = "tales-of-europa",
        ["Storage:BlobServiceUri"] = "https://talesaccount.blob.core.windows.net/",
        ["Storage:TableServiceUri"] = "https://talesaccount.table.core.windows.net/",
        ["Workflow:SweepInterval"] = "00:00:07",
        ["Workflow:ModelAttempts"] = "5",
        ["Notifications:SigningSecret"] = "a-signing-secret-of-some-length",
        ["Notifications:MaxAttempts"] = "2",
        ["Webhook:Secret"] = "a-webhook-secret-of-some-length",
        ["Webhook:MaxBodyBytes"] = "4096",
    };

    [Fact]
    public void Container_name_service_uris_and_every_section_mean_the_same_to_both_hosts()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        using ServiceProvider functions = new ServiceCollection().AddLogging().AddStoryApp(configuration).BuildServiceProvider();
        using ServiceProvider rgpt = LocalStoryHost.AddServices(new ServiceCollection().AddLogging(), configuration, OfflineModel()).BuildServiceProvider();

        Assert.Equal(Storage(functions), Storage(rgpt));
        Assert.Equal("https://talesaccount.blob.core.windows.net/tales-of-europa", Storage(functions).Container);
        Assert.Equal(Sections(functions), Sections(rgpt));
        Assert.Equal((TimeSpan.FromSeconds(7), 5, 2, 4096), Sections(functions));
    }

    [Fact]
    public void Rgpt_gives_the_azurite_it_runs_to_the_storage_section_and_keeps_the_rest_of_it()
    {
        var settings = new Dictionary<string, string?> { ["Storage:ContainerName"] = "tales-of-europa" };
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        const string Azurite = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:20000/devstoreaccount1;TableEndpoint=http://127.0.0.1:20002/devstoreaccount1;";
        IConfiguration effective = LocalStorage.WithManagedAzurite(configuration, Azurite);
        using ServiceProvider rgpt = LocalStoryHost.AddServices(new ServiceCollection().AddLogging(), effective, OfflineModel()).BuildServiceProvider();
        using ServiceProvider functions = new ServiceCollection().AddLogging()
            .AddStoryApp(new ConfigurationBuilder().AddInMemoryCollection(settings).AddInMemoryCollection([new("Storage:ConnectionString", Azurite)]).Build())
            .BuildServiceProvider();

        Assert.False(LocalStorage.IsConfigured(configuration));
        Assert.Equal(Storage(functions), Storage(rgpt));
        Assert.Equal("http://127.0.0.1:20000/devstoreaccount1/tales-of-europa", Storage(rgpt).Container);
        Assert.Equal(Azurite, LocalStorage.RuntimeConnectionString(effective));
    }

    private static (string Container, string StoryMemory, string Stories, string DueWork, string Deliveries) Storage(IServiceProvider services)
    {
        StorageClients clients = services.GetRequiredService<StorageClients>();
        return (clients.Container.Uri.ToString(), clients.StoryMemory.Uri.ToString(), clients.Stories.Uri.ToString(), clients.DueWork.Uri.ToString(), clients.WebhookDeliveries.Uri.ToString());
    }

    private static (TimeSpan Sweep, int ModelAttempts, int NotificationAttempts, int WebhookBodyBytes) Sections(IServiceProvider services) => (
        services.GetRequiredService<IOptions<WorkflowOptions>>().Value.SweepInterval,
        services.GetRequiredService<IOptions<WorkflowOptions>>().Value.ModelAttempts,
        services.GetRequiredService<IOptions<NotificationOptions>>().Value.MaxAttempts,
        services.GetRequiredService<IOptions<WebhookOptions>>().Value.MaxBodyBytes);

    private static ModelChoice OfflineModel() =>
        new(new OfflineWriter(), new HashingEmbeddings(), "offline writer", IsOffline: true);

    /// <summary>No model is loaded here: nothing in these tests embeds.</summary>
    private sealed class HashingEmbeddings : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("these tests do not embed");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
