using Azure.Data.Tables;
using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>Row <c>{line prefix}paragraph-{index:D6}</c>: the embedding is a binary column (1.5 KB for 384 dimensions, not 8 KB of JSON text).</summary>
internal static class ParagraphRow
{
    public static TableEntity ToEntity(LineRef line, ParagraphEntry paragraph) => new TableEntity(StoryId.Require(line.StoryId), StorageKeys.ParagraphRow(line, paragraph.Index))
    {
        [nameof(ParagraphEntry.Index)] = paragraph.Index,
        [nameof(ParagraphEntry.BlobName)] = paragraph.BlobName,
        [nameof(ParagraphEntry.Embedding)] = EmbeddingBytes.Encode(paragraph.Embedding),
        [nameof(ParagraphEntry.WordCount)] = paragraph.WordCount,
        [nameof(ParagraphEntry.Summary)] = paragraph.Summary,
        [nameof(ParagraphEntry.Step)] = paragraph.Step,
        [nameof(ParagraphEntry.Revision)] = paragraph.Revision,
        [nameof(ParagraphEntry.Author)] = paragraph.Author.ToString(),
    }.Checked(StorageOptions.StoryMemoryTable);

    public static ParagraphEntry FromEntity(TableEntity entity) => new(
        entity.RequireInt32(nameof(ParagraphEntry.Index)),
        entity.RequireString(nameof(ParagraphEntry.BlobName)),
        EmbeddingBytes.Decode(entity.RequireBinary(nameof(ParagraphEntry.Embedding)), $"Row '{entity.PartitionKey}/{entity.RowKey}' column Embedding"),
        entity.RequireInt32(nameof(ParagraphEntry.WordCount)),
        entity.RequireString(nameof(ParagraphEntry.Summary)),
        entity.RequireInt32(nameof(ParagraphEntry.Step)),
        entity.RequireInt32(nameof(ParagraphEntry.Revision)),
        entity.RequireEnum<ParagraphAuthor>(nameof(ParagraphEntry.Author)));
}
