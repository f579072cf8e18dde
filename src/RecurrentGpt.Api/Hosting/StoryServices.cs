using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RecurrentGpt.Api.Handlers;
using RecurrentGpt.Api.Routes;
using RecurrentGpt.Infrastructure;
using RecurrentGpt.Infrastructure.Embeddings;
using RecurrentGpt.Infrastructure.Models;
using RecurrentGpt.Infrastructure.Offline;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Notifications;
using RecurrentGpt.Workflow.Scheduling;

namespace RecurrentGpt.Api.Hosting;

/// <summary>
/// The one composition root of both hosts: every section bound from the same configuration and checked at start-up (each
/// problem naming its setting), storage from the whole <c>Storage</c> section, the model and embeddings, the workflow's
/// services, the HTTP contract's handlers, and the start-up that says what is used and creates storage.
/// </summary>
public static class StoryServices
{
    public static IServiceCollection AddStoryServices(this IServiceCollection services, IConfiguration configuration, StoryHostOptions host)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(host);
        services.AddSingleton(host);

        AddCheckedOptions<StorageOptions>(services, configuration, StorageOptions.SectionName);
        AddCheckedOptions<ModelOptions>(services, configuration, ModelOptions.SectionName);
        AddCheckedOptions<EmbeddingOptions>(services, configuration, EmbeddingOptions.SectionName);
        AddCheckedOptions<WorkflowOptions>(services, configuration, WorkflowOptions.SectionName);
        AddCheckedOptions<NotificationOptions>(services, configuration, NotificationOptions.SectionName);
        AddCheckedOptions<WebhookOptions>(services, configuration, WebhookOptions.SectionName);

        // No Model:Provider means the offline writer, and the start-up log says so.
        services.PostConfigure<ModelOptions>(model => model.Provider ??= ModelProvider.Offline);

        services.AddStoryStorage(StorageOptions.FromConfiguration(configuration));
        // What the host brings stays the host's (registered as an instance, the container never disposes it); what the
        // container makes from configuration, it owns.
        if (host.Chat is not null)
        {
            services.TryAddSingleton(host.Chat);
        }
        else
        {
            services.TryAddSingleton(provider => ChatClientFactory.Create(
                provider.GetRequiredService<IOptions<ModelOptions>>().Value, offlineWriter: () => new OfflineWriter()));
        }

        if (host.Embeddings is not null)
        {
            services.TryAddSingleton(host.Embeddings);
        }
        else
        {
            services.TryAddSingleton(provider => EmbeddingGeneratorFactory.Create(provider.GetRequiredService<IOptions<EmbeddingOptions>>().Value));
        }
        services.AddStoryWorkflowServices();

        services.TryAddSingleton<StoryReads>();
        services.TryAddSingleton<StoryWrites>();
        services.TryAddSingleton<StoryControls>();
        services.TryAddSingleton<StoryLines>();
        services.TryAddSingleton<PlanChoiceWebhook>();
        services.TryAddSingleton<ApiEndpoint>();

        // Before the scheduler and the durable worker, which the host adds after: storage exists when they first touch it.
        services.AddHostedService<StoryStartup>();
        if (host.RunsScheduler)
        {
            services.AddHostedService<SchedulerService>();
        }

        return services;
    }

    private static void AddCheckedOptions<TOptions>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class, ISelfValidatingOptions
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, OptionsValidation<TOptions>>());
    }
}
