using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;

namespace RecurrentGpt.Workflow.Steering;

public enum EditResult
{
    Saved,

    /// <summary>The ETag is stale: someone changed the story since it was read.</summary>
    Conflict,

    /// <summary>The story is not waiting for a choice, so a step may be reading the memory right now.</summary>
    NotAwaitingChoice,
}

/// <summary>
/// Writer edits of the short-term memory and plans. Allowed only while the story waits for a choice, and only against
/// the ETag the writer read, so an edit is never lost to a step in flight or to another editor.
/// </summary>
public sealed class MemoryEditor(StoryStateStore states, TimeProvider time)
{
    /// <returns>The result and, when saved, the state as stored with its new ETag.</returns>
    public async Task<(EditResult Result, VersionedState? Saved)> EditAsync(
        string storyId, string etag, string? memory, IReadOnlyList<string>? plans, int capUnits, CancellationToken cancellationToken)
    {
        VersionedState current = await states.GetAsync(storyId, cancellationToken) ?? throw new StoryNotFoundException(storyId);
        if (current.ETag != etag)
        {
            return (EditResult.Conflict, null);
        }

        if (current.State.Status is not (StoryStatus.AwaitingChoice or StoryStatus.Paused))
        {
            return (EditResult.NotAwaitingChoice, null);
        }

        if (memory is not null && TextMeasure.CountUnits(memory) > capUnits)
        {
            throw new ArgumentException($"the memory has {TextMeasure.CountUnits(memory)} words; the cap is {capUnits}");
        }

        StoryState edited = current.State with
        {
            ShortTermMemory = memory?.Trim() ?? current.State.ShortTermMemory,
            Plans = plans ?? current.State.Plans,
            UpdatedAt = time.GetUtcNow(),
        };
        try
        {
            return (EditResult.Saved, new VersionedState(edited, await states.ReplaceAsync(edited, etag, cancellationToken)));
        }
        catch (ConcurrencyConflictException)
        {
            return (EditResult.Conflict, null);
        }
    }
}
