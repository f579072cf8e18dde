using Microsoft.DurableTask;
using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Scheduling;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Commit;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Activities;

/// <summary>
/// Makes a written step part of the story: the paragraph blob and its embedding row, the snapshot, then the new state.
/// Idempotent: once the state says the step is committed, running it again changes nothing.
/// </summary>
[DurableTask(WorkflowNames.CommitStep)]
public sealed class CommitStepActivity(
    StoryStateUpdater updater,
    StoryStateStore states,
    StepRecordStore records,
    ParagraphCommitter committer,
    StoryCatalogue catalogue,
    ChoiceDeadlines deadlines,
    TimeProvider time) : TaskActivity<StepRef, StoryProgress>
{
    public override async Task<StoryProgress> RunAsync(TaskActivityContext context, StepRef step)
    {
        VersionedState read = await updater.GetVersionedAsync(step.StoryId, CancellationToken.None);
        StoryState state = read.State;
        if (state.Step >= step.Step || state.Generation != step.Generation)
        {
            // Committed already, or the story moved to another line since the step was taken on: the orchestration sees
            // the generation in what comes back and starts over from the state row.
            return StoryProgress.Of(state);
        }

        LineRef line = state.CurrentLine;
        StepRecord record = await records.ReadAsync(line, step.Step, CancellationToken.None)
            ?? throw new InvalidOperationException($"step {step.Step} of story {step.StoryId} has no record: WriteParagraph must run first");
        StepDraft draft = record.Draft;
        int index = state.ParagraphCount;
        await Task.WhenAll(
            committer.CommitAsync(line, index, draft.Paragraph, draft.Summary, step.Step, ParagraphAuthor.Model, 1, CancellationToken.None),
            states.WriteSnapshotAsync(line, new MemorySnapshot(step.Step, state.Outline, record.MemoryAfter, draft.Plans, draft.RecommendedPlan, index + 1), CancellationToken.None));

        StoryState committed = await updater.UpdateAsync(step.StoryId, current => current.Step >= step.Step || current.Generation != step.Generation ? null : StoryAdvance.Committed(current, record), CancellationToken.None, known: read);

        await catalogue.UpsertAsync(StorySummaries.Of(committed), CancellationToken.None);
        await deadlines.ScheduleAsync(committed, CancellationToken.None);
        return StoryProgress.Of(committed) with { NextPlanChosen = await ChooseNextAsync(committed, step.Step + 1) };
    }

    /// <summary>
    /// Auto mode takes the plan the step just recommended: recorded here, with the commit, instead of by a ChoosePlan
    /// activity of its own. Not at a serial's episode end, where a reader's vote may still come first.
    /// </summary>
    private async Task<bool> ChooseNextAsync(StoryState committed, int nextStep)
    {
        if (committed.Mode != StoryMode.Auto || StoryLifecycle.IsFinished(committed) || SerialCalendar.EndsEpisode(committed)
            || RecommendedChoice.For(committed, nextStep, time.GetUtcNow()) is not PlanChoice choice)
        {
            return false;
        }

        // A choice already there (recorded first by someone else) is just as good: either way the step has its plan.
        await states.TryRecordChoiceAsync(committed.CurrentLine, choice, CancellationToken.None);
        return true;
    }
}
