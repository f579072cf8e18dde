using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;

namespace RecurrentGpt.Workflow.Steering;

/// <summary>
/// The long-term memories a plan would recall if chosen now — the same ranking <c>RetrieveMemories</c> runs for a step,
/// so a writer can see what each plan brings back before choosing it. Reads only; changes nothing.
/// </summary>
public sealed class RecallPreview(StoryStateUpdater updater, StoryVectorCache vectors, IEmbeddingGenerator<string, Embedding<float>> embeddings)
{
    public async Task<IReadOnlyList<RetrievedMemory>> RecallAsync(string storyId, string query, CancellationToken cancellationToken)
    {
        StoryState state = await updater.GetAsync(storyId, cancellationToken);
        int k = state.Settings.RecalledParagraphs;
        if (k == 0 || state.ParagraphCount < 2)
        {
            return [];
        }

        Task<StoryVectors> loading = vectors.GetAsync(storyId, state.ParagraphCount, cancellationToken, state.ParagraphEdits);
        Embedding<float> embedded = await embeddings.GenerateAsync(query, cancellationToken: cancellationToken);
        return (await loading).Recall(embedded.Vector.Span, k, excludedParagraph: state.ParagraphCount - 1);
    }
}
