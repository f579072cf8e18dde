using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;

namespace RecurrentGpt.Workflow.Steering;

/// <summary>
/// Long-term memory: the k earlier paragraphs most similar to a plan, leaving out the previous paragraph (a step sees it
/// whole anyway). Only the plan is embedded here; paragraphs were embedded when committed. The one ranking behind both
/// a step's <c>RetrieveMemories</c> and the API's preview of what a plan would recall.
/// </summary>
public sealed class LongTermRecall(StoryVectorCache vectors, IEmbeddingGenerator<string, Embedding<float>> embeddings)
{
    /// <summary>False when the story keeps no long-term memories or has none to offer yet.</summary>
    public static bool HasMemories(StoryState state) => state.Settings.RecalledParagraphs > 0 && state.ParagraphCount >= 2;

    public async Task<IReadOnlyList<RetrievedMemory>> RecallAsync(StoryState state, string plan, CancellationToken cancellationToken)
    {
        if (!HasMemories(state))
        {
            return [];
        }

        // Embedding the plan and refreshing the story's vectors are independent: overlap them.
        Task<StoryVectors> loading = vectors.GetAsync(state.StoryId, state.ParagraphCount, cancellationToken, state.ParagraphEdits);
        Embedding<float> query = await embeddings.GenerateAsync(plan, cancellationToken: cancellationToken);
        return (await loading).Recall(query.Vector.Span, state.Settings.RecalledParagraphs, excludedParagraph: state.ParagraphCount - 1);
    }
}
