using Azure.Data.Tables;
using RecurrentGpt.Core.Readers;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>Rows of table Readers, partition = publication id: <c>story</c> (which story it publishes) and <c>reader-{token hash}</c>.</summary>
internal static class ReaderRow
{
    public const string PointerRow = "story";
    public const string Prefix = "reader-";

    public static string Key(string tokenHash) => Prefix + tokenHash;

    public static TableEntity ToEntity(Reader reader)
    {
        var entity = new TableEntity(reader.PublicationId, Key(reader.TokenHash))
        {
            [nameof(Reader.StoryId)] = reader.StoryId,
            [nameof(Reader.Steps)] = reader.Steps,
            [nameof(Reader.Tokens)] = reader.Tokens,
            [nameof(Reader.CreatedAt)] = StoredTime.Format(reader.CreatedAt),
        };
        entity.SetOptional(nameof(Reader.Note), reader.Note);
        return entity.Checked(StorageOptions.ReadersTable);
    }

    public static Reader FromEntity(TableEntity entity) => new(
        entity.PartitionKey,
        entity.RowKey[Prefix.Length..],
        entity.RequireString(nameof(Reader.StoryId)),
        entity.GetString(nameof(Reader.Note)),
        entity.RequireInt32(nameof(Reader.Steps)),
        entity.RequireInt64(nameof(Reader.Tokens)),
        entity.RequireTime(nameof(Reader.CreatedAt)));
}
