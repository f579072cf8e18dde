using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Lines;

namespace RecurrentGpt.Workflow.Recall;

/// <summary>
/// Long-term memory: the earlier paragraphs most similar to a plan, as <see cref="RecallPolicy"/> says for the story.
/// Only the plan is embedded here; paragraphs were embedded when committed. The one ranking behind both a step's
/// <c>RetrieveMemories</c> and the API's preview of what a plan would recall.
/// </summary>
public sealed class LongTermRecall(StoryVectorCache vectors, LineageReader lineages, IEmbeddingGenerator<string, Embedding<float>> embeddings)
{
    public async Task<IReadOnlyList<RetrievedMemory>> RecallAsync(StoryState state, string plan, CancellationToken cancellationToken)
    {
        if (RecallPolicy.For(state) is not RecallPolicy policy)
        {
            return [];
        }

        // Embedding the plan and refreshing the story's vectors are independent: overlap them.
        Task<StoryVectors> loading = LoadAsync(state, cancellationToken);
        Embedding<float> query = await embeddings.GenerateAsync(plan, cancellationToken: cancellationToken);
        return (await loading).Recall(query.Vector.Span, policy.Count, policy.ExcludedParagraph);
    }

    private async Task<StoryVectors> LoadAsync(StoryState state, CancellationToken cancellationToken)
    {
        ReadingLines reading = await lineages.ReadAsync(state, cancellationToken);
        return await vectors.GetAsync(reading.Lines, state.ParagraphCount, cancellationToken, reading.EditStamp);
    }
}
