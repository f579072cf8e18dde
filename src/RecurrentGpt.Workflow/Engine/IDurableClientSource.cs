using Microsoft.DurableTask.Client;

namespace RecurrentGpt.Workflow.Engine;

/// <summary>
/// The durable client through which the workflow's services start and signal stories. rgpt has one for the process;
/// on Functions a client exists only inside an invocation (<c>[DurableClient]</c>), so its source is the invocation's.
/// </summary>
public interface IDurableClientSource
{
    DurableTaskClient Client { get; }
}
