using System.Reflection;
using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RecurrentGpt.Infrastructure;
using RecurrentGpt.Infrastructure.Embeddings;
using RecurrentGpt.Infrastructure.Models;
using RecurrentGpt.Infrastructure.Offline;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Api;
using RecurrentGpt.Workflow.Notifications;

namespace RecurrentGpt.Functions;

/// <summary>
/// The Functions app's services, composed from configuration as rgpt's host composes them. Nothing here needs the
/// Functions host, so tests call it on a plain <see cref="ServiceCollection"/>.
/// </summary>
public static class FunctionsServices
{
    /// <summary>Set by the Functions platform when the app has Application Insights; telemetry is exported only then.</summary>
    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// <c>Authorization=AAD</c>, with <c>ClientId=</c> for a user-assigned identity, when Application Insights takes only
    /// Entra ID tokens (local authentication off). The Functions host reads it for its own telemetry; the worker's
    /// exporter does not, so <see cref="AddStoryTelemetry"/> turns it into the exporter's credential.
    /// </summary>
    public const string ApplicationInsightsAuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static IServiceCollection AddStoryApp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Every section is checked when the host starts, each problem naming its setting, not at a story's first step.
        AddCheckedOptions<StorageOptions>(services, configuration, StorageOptions.SectionName);
        AddCheckedOptions<ModelOptions>(services, configuration, ModelOptions.SectionName);
        AddCheckedOptions<EmbeddingOptions>(services, configuration, EmbeddingOptions.SectionName);
        services.AddOptions<WorkflowOptions>().Bind(configuration.GetSection(WorkflowOptions.SectionName)).ValidateOnStart();
        AddCheckedOptions<NotificationOptions>(services, configuration, NotificationOptions.SectionName);
        AddCheckedOptions<WebhookOptions>(services, configuration, WebhookOptions.SectionName);

        // No Model:Provider means the offline writer; StoryAppStartup says so in the log. rgpt's search for a local
        // Ollama has no place on Azure.
        services.PostConfigure<ModelOptions>(model => model.Provider ??= ModelProvider.Offline);

        services.AddStoryStorage(StorageOptions.FromConfiguration(configuration));
        services.TryAddSingleton(provider => ChatClientFactory.Create(
            provider.GetRequiredService<IOptions<ModelOptions>>().Value, offlineWriter: () => new OfflineWriter()));
        services.TryAddSingleton(provider => EmbeddingGeneratorFactory.Create(provider.GetRequiredService<IOptions<EmbeddingOptions>>().Value));
        services.AddStoryWorkflowServices();

        // Function classes get their activity from the container. Found by attribute, so an activity added to
        // Workflow needs only its function class here.
        foreach (Type activity in WorkflowActivities().Values)
        {
            services.TryAddTransient(activity);
        }

        // On Functions a durable client exists only inside an invocation ([DurableClient]); the Workflow services that
        // need one (StoryStarter, ChoiceRecorder, SchedulerSweep) are made there with
        // ActivatorUtilities.CreateInstance<T>(services, client). Left registered, they would be a promise the
        // container cannot keep, which ValidateOnBuild rejects in Development.
        foreach (ServiceDescriptor needsClient in services.Where(d => NeedsDurableClient(d.ImplementationType)).ToList())
        {
            services.Remove(needsClient);
        }

        services.AddHostedService<StoryAppStartup>();
        return services;
    }

    /// <summary>OpenTelemetry with the Azure Monitor exporter, only when the app has an Application Insights connection string.</summary>
    public static IServiceCollection AddStoryTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(configuration[ApplicationInsightsSetting]))
        {
            TokenCredential? credential = TelemetryCredential(configuration[ApplicationInsightsAuthenticationSetting]);
            services.AddOpenTelemetry().UseFunctionsWorkerDefaults().UseAzureMonitorExporter(exporter =>
            {
                if (credential is not null)
                {
                    exporter.Credential = credential;
                }
            });
        }

        return services;
    }

    /// <summary>The managed identity an <see cref="ApplicationInsightsAuthenticationSetting"/> value names; null when it asks for none.</summary>
    public static TokenCredential? TelemetryCredential(string? authentication)
    {
        Dictionary<string, string> parts = (authentication ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out string? mode) || !mode.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new ManagedIdentityCredential(parts.TryGetValue("ClientId", out string? clientId) && clientId.Length > 0
            ? ManagedIdentityId.FromUserAssignedClientId(clientId)
            : ManagedIdentityId.SystemAssigned);
    }

    /// <summary>The Workflow's activity classes by their durable task name.</summary>
    private static IReadOnlyDictionary<string, Type> WorkflowActivities() =>
        typeof(WorkflowNames).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(ITaskActivity).IsAssignableFrom(type))
            .Select(type => (Type: type, Task: type.GetCustomAttribute<DurableTaskAttribute>()))
            .Where(found => found.Task is not null)
            .ToDictionary(found => found.Task!.Name.Name, found => found.Type, StringComparer.Ordinal);

    private static void AddCheckedOptions<TOptions>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class, ISelfValidatingOptions
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, OptionsValidation<TOptions>>());
    }

    private static bool NeedsDurableClient(Type? implementation)
    {
        if (implementation?.Assembly != typeof(WorkflowNames).Assembly)
        {
            return false;
        }

        ConstructorInfo[] constructors = implementation.GetConstructors();
        return constructors.Length > 0
            && constructors.All(constructor => constructor.GetParameters().Any(p => p.ParameterType == typeof(DurableTaskClient)));
    }
}
