using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RecurrentGpt.Infrastructure;
using RecurrentGpt.Workflow.Activities;
using RecurrentGpt.Workflow.Api;
using RecurrentGpt.Workflow.Notifications;
using RecurrentGpt.Workflow.Scheduling;
using RecurrentGpt.Workflow.Steering;

namespace RecurrentGpt.Workflow;

/// <summary>The same orchestrator, activities and services on every host.</summary>
public static class WorkflowRegistration
{
    public static DurableTaskRegistry AddStoryWorkflow(this DurableTaskRegistry registry)
    {
        registry.AddOrchestrator<StoryOrchestration>();
        registry.AddActivity<InitializeStoryActivity>();
        registry.AddActivity<ChoosePlanActivity>();
        registry.AddActivity<ReadChoiceActivity>();
        registry.AddActivity<ApplyChoiceTimeoutActivity>();
        registry.AddActivity<RetrieveMemoriesActivity>();
        registry.AddActivity<WriteParagraphActivity>();
        registry.AddActivity<CommitStepActivity>();
        registry.AddActivity<MarkNeedsAttentionActivity>();
        registry.AddActivity<EndEpisodeActivity>();
        registry.AddActivity<BeginEpisodeActivity>();
        registry.AddActivity<NotifySubscribersActivity>();
        return registry;
    }

    /// <summary>
    /// Workflow services; the host registers storage, the chat client, embeddings and the durable client, and binds the
    /// <c>Workflow</c> and <c>Notifications</c> sections. Unbound notification options leave callbacks off.
    /// </summary>
    public static IServiceCollection AddStoryWorkflowServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WorkflowOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkflowOptions>, OptionsValidation<WorkflowOptions>>());
        services.TryAddSingleton<StoryStateUpdater>();
        services.TryAddSingleton<ParagraphCommitter>();
        services.TryAddSingleton<ChoiceDeadlines>();
        services.TryAddSingleton<StoryStarter>();
        services.TryAddSingleton<ChoiceRecorder>();
        services.TryAddSingleton<MemoryEditor>();
        services.TryAddSingleton<SchedulerSweep>();
        services.TryAddSingleton<StoryExport>();
        services.TryAddSingleton<ParagraphEditor>();
        services.TryAddSingleton<StoryControl>();
        services.TryAddSingleton<LongTermRecall>();
        services.TryAddSingleton<ModeSwitch>();
        services.TryAddSingleton<StoryApiFactory>();
        services.AddOptions<WebhookOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, OptionsValidation<WebhookOptions>>());
        services.AddOptions<NotificationOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, OptionsValidation<NotificationOptions>>());
        services.TryAddSingleton<IHostAddressResolver, DnsHostAddressResolver>();
        services.TryAddSingleton<CallbackUrlPolicy>();
        services.TryAddSingleton<CallbackSender>();
        return services;
    }
}
