using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Infrastructure.Tests.Storage;

internal static class StorageTestKit
{
    public static CancellationTokenSource StartDeadline() => new(TimeSpan.FromMinutes(2));

    /// <summary>Clients for the fixture's Azurite with the container and tables created; <paramref name="counter"/> sees every request.</summary>
    public static async Task<StorageClients> ClientsAsync(AzuriteFixture azurite, CancellationToken cancellationToken, RequestCounter? counter = null)
    {
        var options = new StorageOptions { ConnectionString = await azurite.ConnectionStringAsync() };
        var clients = Clients(options, counter);
        await clients.EnsureCreatedAsync(cancellationToken);
        return clients;
    }

    public static StorageClients Clients(StorageOptions options, RequestCounter? counter)
    {
        var blobOptions = new BlobClientOptions();
        var tableOptions = new TableClientOptions();
        if (counter is not null)
        {
            blobOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
            tableOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        }

        return new StorageClients(options, null, blobOptions, tableOptions);
    }

    public static StoryState State(string storyId) => new()
    {
        StoryId = storyId,
        Premise = new Premise("science fiction", "a lighthouse keeper on Europa", "Slow, quiet, \"hopeful\".", StoryLanguage.English),
        Mode = StoryMode.Interactive,
        Status = StoryStatus.AwaitingChoice,
        TimeoutPolicy = TimeoutPolicy.AutoChoose,
        ChoiceTimeout = TimeSpan.FromHours(6.5),
        TargetParagraphs = 40,
        Serial = new SerialSchedule("0 9 * * 1", 3),
        Episode = 2,
        NextEpisodeAt = new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero),
        CallbackUrl = "https://hooks.example.org/rgpt?x=1",
        Settings = WriterSettings.Default with { ParagraphUnits = 320, RecallBestMatchInFull = true },
        Title = "The Keeper of Europa",
        Outline = "1. Arrival.\n2. The signal.\n3. The choice.",
        ShortTermMemory = "Mara arrives. The beacon fails. 她听见了冰下的声音。",
        Plans = ["Mara climbs the tower.", "Mara answers the signal.", "Mara sleeps."],
        RecommendedPlan = 2,
        Step = 7,
        ParagraphCount = 9,
        ParagraphEdits = 2,
        AttentionReason = null,
        ModelId = "gpt-4o-mini",
        InputTokens = 12_345_678_901,
        OutputTokens = 2_345,
        CreatedAt = new DateTimeOffset(2025, 3, 1, 9, 30, 15, TimeSpan.FromHours(2)).AddTicks(1234567),
        UpdatedAt = new DateTimeOffset(2025, 3, 2, 10, 0, 0, TimeSpan.Zero).AddTicks(7),
    };

    /// <summary>A deterministic 384-dimension embedding pointing mostly along axis <paramref name="seed"/> mod 384.</summary>
    public static float[] Embedding(int seed, int dimensions = 384)
    {
        var random = new Random(seed);
        var vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++)
        {
            vector[i] = (float)(random.NextDouble() - 0.5) * 0.01f;
        }

        vector[seed % dimensions] = 1;
        return vector;
    }

    public static ParagraphEntry ParagraphRow(string storyId, int index, int revision = 1, string? summary = null, float[]? embedding = null) => new(
        index,
        StorageKeys.ParagraphBlob(storyId, index),
        embedding ?? Embedding(index),
        120 + index,
        summary ?? $"Summary of paragraph {index}.",
        Math.Max(0, index - 1),
        revision,
        revision == 1 ? ParagraphAuthor.Model : ParagraphAuthor.Human);
}
