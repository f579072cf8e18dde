using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Commit;
using RecurrentGpt.Workflow.Refusals;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Editing;

/// <summary>
/// A writer's edit of a committed paragraph: a new revision by a human, re-embedded so long-term memory recalls what the
/// paragraph says now. Refused while a step is being written, since that step may be reading the paragraphs.
/// </summary>
public sealed class ParagraphEditor(StoryStateUpdater updater, StoryText paragraphs, ParagraphCommitter committer, StoryVectorCache vectors)
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

        StoredParagraph current = await paragraphs.ParagraphAsync(state.Lines, index, cancellationToken)
            ?? throw new InvalidOperationException($"paragraph {index} of story {storyId} is counted but has no blob");
        var edited = current with { Text = text, Revision = current.Revision + 1, Author = ParagraphAuthor.Human };
        await committer.CommitAsync(state.Lines.OwnerOfParagraph(index), index, edited.Text, ParagraphSummary.FromFirstSentence(edited.Text), edited.Step, edited.Author, edited.Revision, cancellationToken);

        // Every process's cache learns of the edit from the state row's edit count; this one can drop the row at once.
        await updater.UpdateAsync(storyId, s => s with { ParagraphEdits = s.ParagraphEdits + 1 }, cancellationToken);
        vectors.Invalidate(storyId, index);
        return edited;
    }
}
