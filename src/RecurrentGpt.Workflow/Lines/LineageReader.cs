using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;

namespace RecurrentGpt.Workflow.Lines;

/// <summary>
/// The lines a story's text is read from, overrides included. A story that was never forked reads its own lineage and
/// costs nothing more; a fork also reads each ancestor's state row (at most <see cref="ForkOrigin.MaxAncestors"/>, in
/// parallel), because an ancestor's edits and overrides of the shared text show in it: one trunk.
/// </summary>
public sealed class LineageReader(StoryStateStore states)
{
    public async Task<ReadingLines> ReadAsync(StoryState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        IEnumerable<(ParagraphOverride, string)> own = state.Overrides.Select(item => (item, state.StoryId));
        if (state.Fork is null)
        {
            return new ReadingLines(state.Lines.WithOverrides(own), state.ParagraphEdits);
        }

        VersionedState?[] ancestors = await Task.WhenAll(state.Fork.Ancestors.Select(id => states.GetAsync(id, cancellationToken)));
        IEnumerable<(ParagraphOverride, string)> inherited = ancestors.OfType<VersionedState>()
            .SelectMany(ancestor => ancestor.State.Overrides.Select(item => (item, ancestor.State.StoryId)));
        int stamp = state.ParagraphEdits + ancestors.OfType<VersionedState>().Sum(ancestor => ancestor.State.ParagraphEdits);
        return new ReadingLines(state.Lines.WithOverrides(own.Concat(inherited)), stamp);
    }

    public async Task<Lineage> LinesAsync(StoryState state, CancellationToken cancellationToken) =>
        (await ReadAsync(state, cancellationToken)).Lines;
}
