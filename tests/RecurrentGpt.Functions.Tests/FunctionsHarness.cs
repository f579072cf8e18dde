using System.Diagnostics;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Functions.Engine;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Functions.Tests;

/// <summary>
/// The function classes themselves as the orchestrator and activities of a real durable engine (its in-memory backend;
/// the Functions host cannot run here), over the services <see cref="FunctionsServices.AddStoryApp"/> composes from
/// the example settings, on a private Azurite. An activity the orchestrator calls without a function fails the story.
/// </summary>
public sealed class FunctionsHarness : IAsyncDisposable
{
    private readonly DurableTaskTestHost _host;

    private FunctionsHarness(DurableTaskTestHost host) => _host = host;

    public DurableTaskClient Client => _host.Client;

    public IServiceProvider Services => _host.Services;

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <param name="port">A fixed port below 32768, one per test class: above it, Linux hands ports out at random (ephemeral).</param>
    /// <param name="settings">Settings over the example ones (a model server, a webhook secret…).</param>
    public static async Task<FunctionsHarness> StartAsync(AzuriteFixture azurite, int port, params (string Key, string? Value)[] settings)
    {
        var configuration = AppFiles.Configuration(await azurite.ConnectionStringAsync(), [("Workflow:ModelRetryDelay", "00:00:00.200"), .. settings]);
        DurableTaskTestHost host = await DurableTaskTestHost.StartAsync(
            registry =>
            {
                // The plain SDK's context hands back the input as the declared type, where Functions' context
                // deserializes on GetInput: declare StoryCursor so both give the function what it reads.
                registry.AddOrchestratorFunc<StoryCursor, StoryOutcome>(WorkflowNames.StoryOrchestration, (context, _) => StoryOrchestrationFunction.RunAsync(context));
                foreach (FunctionCatalog.DeclaredFunction function in FunctionCatalog.DeclaredFunctions().Where(f => f.ParameterWith<ActivityTriggerAttribute>() is not null))
                {
                    registry.AddActivity(function.Name, services => new ActivityFunctionInvocation(services, function.Method));
                }
            },
            new DurableTaskTestHostOptions { Port = port, ConfigureServices = services => services.AddStoryApp(configuration) });
        await host.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(CancellationToken.None);
        return new FunctionsHarness(host);
    }

    /// <summary>Starts a story the way the HTTP handler will: the container's StoryStarter, with this call's durable client.</summary>
    public async Task<string> StartStoryAsync(NewStory story)
    {
        Get<InvocationDurableClient>().Use(Client);
        return await Get<StoryStarter>().StartAsync(story, CancellationToken.None);
    }

    public async Task<StoryState> StateAsync(string storyId) =>
        (await Get<StoryStateStore>().GetAsync(storyId, CancellationToken.None))?.State
        ?? throw new InvalidOperationException($"story {storyId} has no state");

    /// <summary>Polls the state row until <paramref name="condition"/> holds, doing <paramref name="between"/> after each miss.</summary>
    public async Task<StoryState> WaitForAsync(string storyId, Func<StoryState, bool> condition, Func<Task>? between = null)
    {
        var watch = Stopwatch.StartNew();
        StoryState? last = null;
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            last = (await Get<StoryStateStore>().GetAsync(storyId, CancellationToken.None))?.State;
            if (last is not null && condition(last))
            {
                return last;
            }

            await (between?.Invoke() ?? Task.Delay(100));
        }

        OrchestrationMetadata? instance = await Client.GetInstanceAsync(storyId, getInputsAndOutputs: true);
        throw new TimeoutException($"story {storyId} did not reach the expected state; last: step {last?.Step}, status {last?.Status}, reason {last?.AttentionReason}; "
            + $"orchestration {instance?.RuntimeStatus} {instance?.FailureDetails?.ErrorType} {instance?.FailureDetails?.ErrorMessage}");
    }

    /// <summary>Polls the orchestration's custom status until it shows <paramref name="expected"/>.</summary>
    public async Task<StoryStatusView> CustomStatusAsync(string storyId, string expected)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            OrchestrationMetadata? metadata = await Client.GetInstanceAsync(storyId, getInputsAndOutputs: true);
            StoryStatusView? view = metadata?.ReadCustomStatusAs<StoryStatusView>();
            if (view?.Status == expected)
            {
                return view;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"custom status of {storyId} never became {expected}");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>Runs an activity function as the worker does: the function class made from the container, the trigger's input and instance id bound.</summary>
    private sealed class ActivityFunctionInvocation(IServiceProvider services, MethodInfo method) : ITaskActivity
    {
        public Type InputType => method.GetParameters().Single(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null).ParameterType;

        public Type OutputType => method.ReturnType.GetGenericArguments()[0];

        public async Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            object function = ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
            object?[] arguments = [.. method.GetParameters().Select(p =>
                p.GetCustomAttribute<ActivityTriggerAttribute>() is not null ? input
                : p.Name == "instanceId" ? context.InstanceId
                : throw new InvalidOperationException($"{method.DeclaringType!.Name} asks for {p.Name}, which an activity trigger does not bind"))];
            var running = (Task)method.Invoke(function, arguments)!;
            await running;
            return running.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(running);
        }
    }
}
