using Microsoft.DurableTask.Client;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Engine;

namespace RecurrentGpt.Workflow.Stories;

/// <summary>
/// The one status a person is shown, whoever shows it (the API, <c>rgpt list</c>, <c>rgpt show</c>, <c>rgpt write</c>):
/// the state row's, except that a story whose instance the engine holds suspended is paused (a pause is the engine's
/// suspend, which the state row does not see).
/// </summary>
public sealed class StoryStatusReader(IDurableClientSource engine)
{
    public Task<StoryStatus> StatusOfAsync(StoryState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        return StatusOfAsync(state.StoryId, state.Status, cancellationToken);
    }

    /// <summary>The status of a story as the catalogue lists it.</summary>
    public Task<StoryStatus> StatusOfAsync(StorySummary story, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(story);
        return StatusOfAsync(story.StoryId, story.Status, cancellationToken);
    }

    private async Task<StoryStatus> StatusOfAsync(string storyId, StoryStatus recorded, CancellationToken cancellationToken)
    {
        if (StoryLifecycle.HasEnded(recorded))
        {
            return recorded;
        }

        OrchestrationMetadata? instance = await engine.Client.GetInstanceAsync(storyId, cancellationToken);
        return instance?.RuntimeStatus == OrchestrationRuntimeStatus.Suspended ? StoryStatus.Paused : recorded;
    }
}
