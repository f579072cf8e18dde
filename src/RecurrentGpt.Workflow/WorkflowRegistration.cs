using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RecurrentGpt.Workflow.Activities;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Commit;
using RecurrentGpt.Workflow.Editing;
using RecurrentGpt.Workflow.Engine;
using RecurrentGpt.Workflow.Lines;
using RecurrentGpt.Workflow.Notifications;
using RecurrentGpt.Workflow.Recall;
using RecurrentGpt.Workflow.Scheduling;
using RecurrentGpt.Workflow.Stories;

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
    /// Workflow services. Options, storage, the chat client and embeddings come from the composition root; the durable
    /// client from the container unless the host registered its own <see cref="IDurableClientSource"/> first.
    /// </summary>
    public static IServiceCollection AddStoryWorkflowServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDurableClientSource, RegisteredDurableClient>();
        services.TryAddSingleton<StoryStateUpdater>();
        services.TryAddSingleton<ParagraphCommitter>();
        services.TryAddSingleton<ChoiceDeadlines>();
        services.TryAddSingleton<StoryStarter>();
        services.TryAddSingleton<ChoiceRecorder>();
        services.TryAddSingleton<ChoiceMaker>();
        services.TryAddSingleton<MemoryEditor>();
        services.TryAddSingleton<SchedulerSweep>();
        services.TryAddSingleton<StoryExport>();
        services.TryAddSingleton<StoryText>();
        services.TryAddSingleton<LineageReader>();
        services.TryAddSingleton<StoryRewinder>();
        services.TryAddSingleton<StoryForker>();
        services.TryAddSingleton<Readers.StoryPublisher>();
        services.TryAddSingleton<Readers.ReaderSessions>();
        services.TryAddSingleton<StoryRegenerator>();
        services.TryAddSingleton<StoryTimeline>();
        services.TryAddSingleton<LineMoveSignal>();
        services.TryAddSingleton<ParagraphEditor>();
        services.TryAddSingleton<StoryControl>();
        services.TryAddSingleton<StoryStatusReader>();
        services.TryAddSingleton<StoryAudit>();
        services.TryAddSingleton<LongTermRecall>();
        services.TryAddSingleton<ModeSwitch>();
        services.TryAddSingleton<IHostAddressResolver, DnsHostAddressResolver>();
        services.TryAddSingleton<CallbackUrlPolicy>();
        services.TryAddSingleton<CallbackSender>();
        return services;
    }

    /// <summary>The activity classes, for a host that makes each activity's function class from the container (Functions).</summary>
    public static IReadOnlyList<Type> ActivityTypes { get; } =
    [
        typeof(InitializeStoryActivity), typeof(ChoosePlanActivity), typeof(ReadChoiceActivity), typeof(ApplyChoiceTimeoutActivity),
        typeof(RetrieveMemoriesActivity), typeof(WriteParagraphActivity), typeof(CommitStepActivity), typeof(MarkNeedsAttentionActivity),
        typeof(EndEpisodeActivity), typeof(BeginEpisodeActivity), typeof(NotifySubscribersActivity),
    ];
}
