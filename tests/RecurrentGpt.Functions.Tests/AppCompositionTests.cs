using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.Azure.Functions.Worker.Extensions.DurableTask;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecurrentGpt.Infrastructure.Embeddings;
using RecurrentGpt.Infrastructure.Offline;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Functions.Tests;

public class AppCompositionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Example_settings_compose_every_service_the_function_classes_need()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddStoryApp(AppFiles.Configuration(await azurite.ConnectionStringAsync()));

        // What the Functions host's container does in Development: every registration must be constructible.
        await using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();

        IEnumerable<Type> functionClasses = FunctionCatalog.DeclaredFunctions().Select(f => f.Method.DeclaringType!).Where(t => !t.IsAbstract).Distinct();
        foreach (Type functionClass in functionClasses)
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(provider, functionClass));
        }

        Assert.IsType<OfflineWriter>(provider.GetRequiredService<IChatClient>());
        Assert.IsType<MiniLmEmbeddingGenerator>(provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    [Theory]
    [InlineData("Workflow:ModelAttempts", "0", "Workflow:ModelAttempts")]
    [InlineData("Workflow:SweepInterval", "02:00:00", "Workflow:SweepInterval")]
    [InlineData("Model:MaxRetries", "99", "Model:MaxRetries")]
    [InlineData("Model:Provider", "AzureOpenAI", "Model:Endpoint")]
    [InlineData("Embeddings:Dimensions", "100", "Embeddings:Dimensions")]
    [InlineData("Storage:ContainerName", "Stories!", "Storage:ContainerName")]
    public async Task A_bad_setting_stops_the_app_at_start_with_a_message_naming_it(string setting, string value, string named)
    {
        using IHost host = BuildHost(AppFiles.Configuration(await azurite.ConnectionStringAsync(), (setting, value)), new LogCapture());

        OptionsValidationException failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_model_the_offline_writer_answers_and_start_up_says_so_and_creates_the_story_storage()
    {
        var logs = new LogCapture();
        using IHost host = BuildHost(AppFiles.Configuration(await azurite.ConnectionStringAsync(), ("Model:Provider", null)), logs);

        await host.StartAsync();
        await host.StopAsync();

        Assert.IsType<OfflineWriter>(host.Services.GetRequiredService<IChatClient>());
        Assert.Contains(logs.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains("offline writer", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Message.StartsWith("Stories are kept in", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Message.Contains("AccountKey", StringComparison.OrdinalIgnoreCase));
        StorageClients clients = host.Services.GetRequiredService<StorageClients>();
        Assert.True((await clients.Container.ExistsAsync()).Value);
        foreach (var table in new[] { clients.StoryMemory, clients.Stories, clients.DueWork })
        {
            // A query on a missing table fails with 404.
            await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1))
            {
            }
        }
    }

    [Fact]
    public void Telemetry_is_added_only_when_Application_Insights_is_configured()
    {
        var without = new ServiceCollection();
        without.AddStoryTelemetry(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [FunctionsServices.ApplicationInsightsSetting] = "" }).Build());
        var with = new ServiceCollection();
        with.AddStoryTelemetry(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [FunctionsServices.ApplicationInsightsSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/",
        }).Build());

        Assert.Empty(without);
        Assert.Contains(with, d => d.ServiceType.Namespace?.StartsWith("OpenTelemetry", StringComparison.Ordinal) == true);
        Assert.Contains(with, d => d.ServiceType.Assembly.GetName().Name == "Azure.Monitor.OpenTelemetry.Exporter"
            || d.ImplementationType?.Assembly.GetName().Name == "Azure.Monitor.OpenTelemetry.Exporter");
    }

    [Fact]
    public async Task Functions_host_builds_the_app_in_Development_and_the_worker_reports_each_function_once()
    {
        // The builder takes its environment only from AZURE_FUNCTIONS_ENVIRONMENT, as the Functions host sets it; no
        // other test here reads it.
        Environment.SetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT", Environments.Development);
        IHost host;
        try
        {
            FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder([]);
            builder.Configuration.AddConfiguration(AppFiles.Configuration(await azurite.ConnectionStringAsync()));
            builder.ConfigureFunctionsWebApplication();

            // What the SDK's generated start-up code runs in the deployed app: the Durable extension's own registrations,
            // including its metadata transformer, which would add a function for every class-based task in its registry.
            new DurableTaskExtensionStartup().Configure(builder);
            builder.Services.AddStoryApp(builder.Configuration);
            builder.Services.AddStoryTelemetry(builder.Configuration);
            host = builder.Build();
        }
        finally
        {
            Environment.SetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT", null);
        }

        using IHost built = host;
        Assert.True(host.Services.GetRequiredService<IHostEnvironment>().IsDevelopment());

        // With worker indexing the host gets the functions from the worker: the generated provider, then the transformers.
        var reported = (await new GeneratedFunctionMetadataProvider().GetFunctionMetadataAsync(AppFiles.Output)).ToList();
        foreach (IFunctionMetadataTransformer transformer in host.Services.GetServices<IFunctionMetadataTransformer>())
        {
            transformer.Transform(reported);
        }

        Assert.Equal(FunctionCatalog.DeclaredFunctions().Select(f => f.Name).Order(), reported.Select(f => f.Name!).Order());
    }

    private static IHost BuildHost(IConfiguration configuration, LogCapture logs)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddStoryApp(configuration);
        return builder.Build();
    }
}
