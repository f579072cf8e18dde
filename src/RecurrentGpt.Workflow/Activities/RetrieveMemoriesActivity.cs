using Microsoft.DurableTask;
using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Steering;

namespace RecurrentGpt.Workflow.Activities;

/// <summary>
/// Long-term memory: the k earlier paragraphs most similar to the chosen plan, leaving out the previous paragraph
/// (the step sees it whole anyway). Only the plan is embedded here; paragraphs were embedded when committed.
/// </summary>
[DurableTask(WorkflowNames.RetrieveMemories)]
public sealed class RetrieveMemoriesActivity(
    StoryStateUpdater updater,
    StoryStateStore states,
    StoryVectorCache vectors,
    IEmbeddingGenerator<string, Embedding<float>> embeddings) : TaskActivity<StepRef, IReadOnlyList<RetrievedMemory>>
{
    public override async Task<IReadOnlyList<RetrievedMemory>> RunAsync(TaskActivityContext context, StepRef step)
    {
        Task<PlanChoice?> recorded = states.GetChoiceAsync(step.StoryId, step.Step, CancellationToken.None);
        StoryState state = await updater.GetAsync(step.StoryId, CancellationToken.None);
        int k = state.Settings.RecalledParagraphs;
        if (k == 0 || state.ParagraphCount < 2)
        {
            return [];
        }

        PlanChoice choice = await recorded
            ?? throw new InvalidOperationException($"no plan is recorded for step {step.Step} of story {step.StoryId}");

        // Embedding the plan and refreshing the story's vectors are independent: overlap them.
        Task<StoryVectors> loading = vectors.GetAsync(step.StoryId, state.ParagraphCount, CancellationToken.None, state.ParagraphEdits);
        Embedding<float> query = await embeddings.GenerateAsync(choice.Plan, cancellationToken: CancellationToken.None);
        StoryVectors recall = await loading;
        return recall.Recall(query.Vector.Span, k, excludedParagraph: state.ParagraphCount - 1);
    }
}
