using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Refusals;

namespace RecurrentGpt.Workflow.Stories;

/// <summary>
/// Read-change-write of a story's state row under its ETag: a concurrent writer makes this re-read and re-apply
/// the change, a bounded number of times, so no edit is ever overwritten blindly.
/// </summary>
public sealed class StoryStateUpdater(StoryStateStore states, TimeProvider time)
{
    private const int MaxAttempts = 8;

    public async Task<StoryState> GetAsync(string storyId, CancellationToken cancellationToken) =>
        (await states.GetAsync(storyId, cancellationToken))?.State ?? throw new StoryNotFoundException(storyId);

    public async Task<VersionedState> GetVersionedAsync(string storyId, CancellationToken cancellationToken) =>
        await states.GetAsync(storyId, cancellationToken) ?? throw new StoryNotFoundException(storyId);

    /// <summary>Applies <paramref name="change"/> (null means "leave as is") and returns the state as stored.</summary>
    /// <param name="known">The state as the caller just read it: the first attempt uses it instead of reading again.</param>
    public async Task<StoryState> UpdateAsync(string storyId, Func<StoryState, StoryState?> change, CancellationToken cancellationToken, VersionedState? known = null)
    {
        for (int attempt = 1; ; attempt++)
        {
            VersionedState current = known ?? await GetVersionedAsync(storyId, cancellationToken);
            known = null;
            StoryState? changed = change(current.State);
            if (changed is null)
            {
                return current.State;
            }

            changed = changed with { UpdatedAt = time.GetUtcNow() };
            try
            {
                await states.ReplaceAsync(changed, current.ETag, cancellationToken);
                return changed;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Someone else changed the row between our read and write: read it again and re-apply.
            }
        }
    }

    /// <summary>A choice for <paramref name="step"/> is in: a story waiting for it (or paused while waiting) moves on to writing.</summary>
    /// <param name="known">The state as the caller just read it, as for <see cref="UpdateAsync"/>.</param>
    public Task<StoryState> StartWritingAsync(string storyId, int step, CancellationToken cancellationToken, VersionedState? known = null) =>
        UpdateAsync(storyId, state =>
            state.Step + 1 == step && state.Status is StoryStatus.AwaitingChoice or StoryStatus.Paused
                ? state with { Status = StoryStatus.Writing }
                : null,
            cancellationToken,
            known);
}
