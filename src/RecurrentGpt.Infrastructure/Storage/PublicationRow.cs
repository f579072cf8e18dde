using Azure.Data.Tables;
using RecurrentGpt.Core.Readers;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>
/// Row <c>publication-{id}</c> of the writer's story partition: the publication's settings, and the story's state as it
/// stood when it was published — its lineage then is what every reader's fork reads, so what the writer does later on
/// the story's line (a rewind, new steps) never reaches a reader.
/// </summary>
internal static class PublicationRow
{
    public const string Prefix = "publication-";
    private const string FromStep = "PublishedFromStep";
    private const string Choices = "PublishedChoices";
    private const string ReaderQuota = "PublishedReaderQuota";
    private const string DailyCap = "PublishedDailyCap";
    private const string Language = "PublishedLanguage";
    private const string Status = "PublicationStatus";
    private const string PublishedAt = "PublishedAt";
    private const string UnpublishedAt = "UnpublishedAt";

    public static string Key(string publicationId) => Prefix + publicationId;

    public static TableEntity ToEntity(Publication publication, StoryState frozen)
    {
        TableEntity entity = StoryStateRow.ToEntity(frozen, Key(publication.PublicationId));
        entity[FromStep] = publication.Settings.FromStep;
        entity[Choices] = publication.Settings.Choices.ToString();
        entity[ReaderQuota] = publication.Settings.ReaderQuota;
        entity[DailyCap] = publication.Settings.DailyCap;
        entity[Status] = publication.Status.ToString();
        entity[PublishedAt] = StoredTime.Format(publication.CreatedAt);
        entity.SetOptional(Language, publication.Settings.Language?.ToString());
        entity.SetOptional(UnpublishedAt, publication.UnpublishedAt is { } at ? StoredTime.Format(at) : null);
        return entity.Checked(StorageOptions.StoryMemoryTable);
    }

    public static (Publication Publication, StoryState Frozen) FromEntity(TableEntity entity)
    {
        string? language = entity.GetString(Language);
        string? unpublished = entity.GetString(UnpublishedAt);
        var settings = new PublicationSettings(
            entity.RequireInt32(FromStep),
            entity.RequireEnum<PublicationChoices>(Choices),
            entity.RequireInt32(ReaderQuota),
            entity.RequireInt64(DailyCap),
            language is null ? null : Enum.Parse<StoryLanguage>(language));
        var publication = new Publication(
            entity.RowKey[Prefix.Length..],
            entity.PartitionKey,
            settings,
            entity.RequireEnum<PublicationStatus>(Status),
            entity.RequireTime(PublishedAt),
            unpublished is null ? null : StoredTime.Parse(unpublished));
        return (publication, StoryStateRow.FromEntity(entity));
    }
}
