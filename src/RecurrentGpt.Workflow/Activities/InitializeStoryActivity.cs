using Microsoft.DurableTask;
using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Commit;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Activities;

/// <summary>
/// Every execution starts here. The first time, it writes the opening (one model call) and commits it; afterwards it only
/// reports where the story stands, so the state row, not the cursor, decides what comes next.
/// </summary>
[DurableTask(WorkflowNames.InitializeStory)]
public sealed class InitializeStoryActivity(
    StoryStateUpdater updater,
    StoryStateStore states,
    ParagraphCommitter committer,
    StoryCatalogue catalogue,
    ChoiceDeadlines deadlines,
    StepRecordStore records,
    IChatClient chat,
    TimeProvider time) : TaskActivity<string, StoryProgress>
{
    public override async Task<StoryProgress> RunAsync(TaskActivityContext context, string storyId)
    {
        StoryState state = await updater.GetAsync(storyId, CancellationToken.None);
        if (state.IsOpened)
        {
            return StoryProgress.Of(state);
        }

        WriterResult<OpeningOutcome> result = await new RecurrentWriter(chat, state.Settings).OpenAsync(state.Premise, CancellationToken.None);
        StoryOpening opening = result.Value.Opening;
        await records.WriteOpeningAsync(
            new OpeningRecord(storyId, state.Premise, result.Exchanges, opening, result.Value.Memory.Text, result.Value.Bounding, time.GetUtcNow()),
            CancellationToken.None);
        for (int index = 0; index < opening.Paragraphs.Count; index++)
        {
            string paragraph = opening.Paragraphs[index];
            await committer.CommitAsync(storyId, index, paragraph, ParagraphSummary.FromFirstSentence(paragraph), 0, ParagraphAuthor.Model, 1, CancellationToken.None);
        }

        var snapshot = new MemorySnapshot(0, opening.Outline, result.Value.Memory.Text, opening.Plans, null, opening.Paragraphs.Count);
        await states.WriteSnapshotAsync(storyId, snapshot, CancellationToken.None);

        StoryState opened = await updater.UpdateAsync(storyId, current => current.IsOpened ? null : StoryAdvance.Opened(current, result.Value, result.Exchanges), CancellationToken.None);

        await catalogue.UpsertAsync(StorySummaries.Of(opened), CancellationToken.None);
        await deadlines.ScheduleAsync(opened, CancellationToken.None);
        return StoryProgress.Of(opened);
    }
}
