using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Commit;
using RecurrentGpt.Workflow.Lines;
using RecurrentGpt.Workflow.Refusals;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Editing;

/// <summary>
/// A writer's edit of a committed paragraph: a new revision by a human, re-embedded so long-term memory recalls what the
/// paragraph says now. Refused while a step is being written, since that step may be reading the paragraphs. A story's
/// own paragraph is edited where it is (its forks read it there too: one trunk); a fork's edit of a paragraph it
/// inherited becomes its own override, and the story it came from stays as it was.
/// </summary>
public sealed class ParagraphEditor(StoryStateUpdater updater, LineageReader lineages, StoryText paragraphs, ParagraphCommitter committer, StoryVectorCache vectors)
{
    public async Task<StoredParagraph> EditAsync(string storyId, int index, string text, CancellationToken cancellationToken)
    {
        StoryState state = await updater.GetAsync(storyId, cancellationToken);
        if (index < 0 || index >= state.ParagraphCount)
        {
            throw new StoryRefusedException(StoryRefusal.ParagraphNotFound,
                $"story {storyId} has {state.ParagraphCount} paragraphs, numbered from 0; there is no paragraph {index}");
        }

        if (state.Status is StoryStatus.Created or StoryStatus.Writing)
        {
            throw new StoryRefusedException(StoryRefusal.StepInProgress,
                $"story {storyId} is writing step {state.Step + 1}; edit paragraphs while it waits for a choice, is paused by a deadline, needs attention or is finished");
        }

        Lineage lines = await lineages.LinesAsync(state, cancellationToken);
        StoredParagraph current = await paragraphs.ParagraphAsync(lines, index, cancellationToken)
            ?? throw new InvalidOperationException($"paragraph {index} of story {storyId} is counted but has no blob");
        LineRef owner = lines.BaseOwnerOfParagraph(index);
        ParagraphOverride? inherited = owner.StoryId == storyId ? null : new ParagraphOverride(owner, index);
        if (inherited is not null)
        {
            RequireRoomFor(state, inherited);
        }

        LineRef target = inherited is null ? owner : LineRef.Overrides(storyId);
        var edited = current with { Text = text, Revision = current.Revision + 1, Author = ParagraphAuthor.Human };
        await committer.CommitAsync(target, index, edited.Text, ParagraphSummary.FromFirstSentence(edited.Text), edited.Step, edited.Author, edited.Revision, cancellationToken);

        // Every process's cache (a fork's too) learns of the edit from the edit count; this one can drop the row at once.
        // The override is listed only after its text is stored, so a reader never looks for one that is not there.
        await updater.UpdateAsync(storyId, s => s with
        {
            ParagraphEdits = s.ParagraphEdits + 1,
            Overrides = inherited is null || s.Overrides.Contains(inherited) ? s.Overrides : [.. RequireRoomFor(s, inherited).Overrides, inherited],
        }, cancellationToken);
        vectors.Invalidate(storyId, index);
        return edited;
    }

    private static StoryState RequireRoomFor(StoryState state, ParagraphOverride wanted) =>
        state.Overrides.Count < StoryLimits.MaxOverrides || state.Overrides.Contains(wanted)
            ? state
            : throw new StoryRefusedException(StoryRefusal.OverrideLimit,
                $"story {state.StoryId} has rewritten {StoryLimits.MaxOverrides} paragraphs it inherited, as many as a fork can; edit its own paragraphs, or fork it again");
}
