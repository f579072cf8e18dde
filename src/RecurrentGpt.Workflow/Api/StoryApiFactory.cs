using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using RecurrentGpt.Workflow.Steering;

namespace RecurrentGpt.Workflow.Api;

/// <summary>
/// Makes the handlers for a given durable client: Functions binds a client to each call ([DurableClient]) rather than
/// registering one in DI, while rgpt serve has one for the process. Everything else comes from DI.
/// </summary>
public sealed class StoryApiFactory(IServiceProvider services)
{
    public StoryApi For(DurableTaskClient client) => ActivatorUtilities.CreateInstance<StoryApi>(services, client, StarterFor(client), RecorderFor(client));

    public PlanChoiceWebhook WebhookFor(DurableTaskClient client) =>
        ActivatorUtilities.CreateInstance<PlanChoiceWebhook>(services, RecorderFor(client));

    private StoryStarter StarterFor(DurableTaskClient client) => ActivatorUtilities.CreateInstance<StoryStarter>(services, client);

    private ChoiceRecorder RecorderFor(DurableTaskClient client) => ActivatorUtilities.CreateInstance<ChoiceRecorder>(services, client);
}
