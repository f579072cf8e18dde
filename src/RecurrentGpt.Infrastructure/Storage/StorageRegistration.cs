using Microsoft.Extensions.DependencyInjection;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>One set of storage clients and stores per host, shared by every activity and handler.</summary>
public static class StorageRegistration
{
    public static IServiceCollection AddStoryStorage(this IServiceCollection services, StorageOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(provider => new StorageClients(provider.GetRequiredService<StorageOptions>()));
        services.AddSingleton<ParagraphStore>();
        services.AddSingleton<StepRecordStore>();
        services.AddSingleton<StoryStateStore>();
        services.AddSingleton<PublicationStore>();
        services.AddSingleton<StoryCatalogue>();
        services.AddSingleton<DueWorkIndex>();
        services.AddSingleton<WebhookDeliveryLog>();
        services.AddSingleton(provider => new StoryVectorCache(provider.GetRequiredService<StoryStateStore>()));
        return services;
    }
}
