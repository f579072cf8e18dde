using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace RecurrentGpt.Workflow.Engine;

/// <summary>The durable client registered in the container (the local runtime's, a test engine's), resolved on first use.</summary>
public sealed class RegisteredDurableClient(IServiceProvider services) : IDurableClientSource
{
    private readonly Lazy<DurableTaskClient> _client = new(services.GetRequiredService<DurableTaskClient>);

    public DurableTaskClient Client => _client.Value;
}
