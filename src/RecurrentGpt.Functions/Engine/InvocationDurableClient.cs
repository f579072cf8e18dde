using Microsoft.DurableTask.Client;
using RecurrentGpt.Workflow.Engine;

namespace RecurrentGpt.Functions.Engine;

/// <summary>
/// On Functions a durable client is bound to each invocation (<c>[DurableClient]</c>), not registered in the container:
/// a function hands its client to this source for the rest of its own call (and only its own: the value flows with the
/// invocation's async context), and the workflow's services read it from here.
/// </summary>
public sealed class InvocationDurableClient : IDurableClientSource
{
    private readonly AsyncLocal<DurableTaskClient?> _current = new();

    public DurableTaskClient Client => _current.Value
        ?? throw new InvalidOperationException("no durable client here: the workflow's services are used from a function with a [DurableClient] binding");

    /// <summary>Sets the invocation's client. Called at the start of an async function, it lasts until that function returns.</summary>
    public void Use(DurableTaskClient client) => _current.Value = client;
}
