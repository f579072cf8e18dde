using Microsoft.DurableTask.Client;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Workflow.Engine;

namespace RecurrentGpt.Workflow.Stories;

/// <summary>
/// The one status a person is shown, whoever shows it: the state row's, except that a story whose instance the engine
/// holds suspended is paused (a pause is the engine's suspend, which the state row does not see).
/// </summary>
public sealed class StoryStatusReader(IDurableClientSource engine)
{
    public async Task<StoryStatus> StatusOfAsync(StoryState state, CancellationToken cancellationToken)
    {
        if (StoryLifecycle.HasEnded(state.Status))
        {
            return state.Status;
        }

        OrchestrationMetadata? instance = await engine.Client.GetInstanceAsync(state.StoryId, cancellationToken);
        return instance?.RuntimeStatus == OrchestrationRuntimeStatus.Suspended ? StoryStatus.Paused : state.Status;
    }
}
