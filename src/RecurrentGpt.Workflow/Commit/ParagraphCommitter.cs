using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;

namespace RecurrentGpt.Workflow.Commit;

/// <summary>
/// Stores a paragraph: its blob, then its row with the embedding made now, once. Writing the same paragraph
/// again overwrites both with the same content, so a re-run commit changes nothing.
/// </summary>
public sealed class ParagraphCommitter(ParagraphStore paragraphs, StoryStateStore states, IEmbeddingGenerator<string, Embedding<float>> embeddings)
{
    public Task CommitAsync(string storyId, int index, string text, string summary, int step, ParagraphAuthor author, int revision, CancellationToken cancellationToken) =>
        CommitAsync(LineRef.Root(storyId), index, text, summary, step, author, revision, cancellationToken);

    /// <summary>Stores the paragraph in <paramref name="line"/>: the line that holds it.</summary>
    public async Task CommitAsync(LineRef line, int index, string text, string summary, int step, ParagraphAuthor author, int revision, CancellationToken cancellationToken)
    {
        var paragraph = new StoredParagraph(index, text, step, revision, author);

        // The blob upload and the embedding do not depend on each other: overlap them.
        Task upload = paragraphs.WriteAsync(line, paragraph, cancellationToken);
        Embedding<float> embedding = await embeddings.GenerateAsync(text, cancellationToken: cancellationToken);
        await upload;
        string blobName = StorageKeys.ParagraphBlob(line, index);
        var entry = new ParagraphEntry(index, blobName, embedding.Vector.ToArray(), TextMeasure.CountUnits(text), summary, step, revision, author);
        await states.UpsertParagraphAsync(line, entry, cancellationToken);
    }
}
