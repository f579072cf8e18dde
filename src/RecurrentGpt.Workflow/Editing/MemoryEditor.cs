using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Refusals;

namespace RecurrentGpt.Workflow.Editing;

/// <summary>
/// Writer edits of the short-term memory and plans. Allowed only while the story waits for a choice, and only against
/// the ETag the writer read, so an edit is never lost to a step in flight or to another editor.
/// </summary>
public sealed class MemoryEditor(StoryStateStore states, TimeProvider time)
{
    /// <param name="memory">The new memory, or null to keep it.</param>
    /// <param name="plans">The new plans, one for each current plan in order, or null to keep them.</param>
    /// <returns>The state as stored, with its new ETag.</returns>
    public async Task<VersionedState> EditAsync(string storyId, string etag, string? memory, IReadOnlyList<string>? plans, CancellationToken cancellationToken)
    {
        VersionedState current = await states.GetAsync(storyId, cancellationToken) ?? throw new StoryNotFoundException(storyId);
        StoryState state = StoryRefusals.RequireUnfinished(current.State);
        if (plans is not null && plans.Count != state.Plans.Count)
        {
            throw new ArgumentException($"plans must have {state.Plans.Count} entries, one per plan, in order");
        }

        if (current.ETag != etag)
        {
            throw Stale();
        }

        if (state.Status is not (StoryStatus.AwaitingChoice or StoryStatus.Paused))
        {
            throw new StoryRefusedException(StoryRefusal.NotAwaitingChoice,
                $"story {storyId} is {ContractJson.Name(state.Status)}; memory and plans can be edited while it waits for a choice");
        }

        int capUnits = state.Settings.MemoryCapUnits;
        if (memory is not null && TextMeasure.CountUnits(memory) > capUnits)
        {
            throw new ArgumentException($"the memory has {TextMeasure.CountUnits(memory)} words; the cap is {capUnits}");
        }

        StoryState edited = state with
        {
            ShortTermMemory = memory?.Trim() ?? state.ShortTermMemory,
            Plans = plans ?? state.Plans,
            UpdatedAt = time.GetUtcNow(),
        };
        try
        {
            return new VersionedState(edited, await states.ReplaceAsync(edited, etag, cancellationToken));
        }
        catch (ConcurrencyConflictException)
        {
            throw Stale();
        }
    }

    private static StoryRefusedException Stale() => new(StoryRefusal.StaleVersion,
        "someone (a step, or another editor) changed the story after the ETag you sent was read; read it again, reapply your edit and save");
}
