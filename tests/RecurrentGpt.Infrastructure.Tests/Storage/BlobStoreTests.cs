using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Storage.Blobs.Models;
using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Infrastructure.Tests.Storage;

public sealed class BlobStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // The test's own view of JSON, independent of the store's options, so equal output means equal records.
    private static readonly JsonSerializerOptions Comparison = new() { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task Paragraph_is_written_with_its_metadata_and_read_back()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        StorageClients clients = await StorageTestKit.ClientsAsync(azurite, deadline.Token);
        var paragraphs = new ParagraphStore(clients);
        string storyId = StoryId.New();
        var paragraph = new StoredParagraph(3, "The beacon flickered.\n\n她抬起头。", Step: 2, Revision: 4, ParagraphAuthor.Human);

        await paragraphs.WriteAsync(storyId, paragraph, deadline.Token);
        StoredParagraph? read = await paragraphs.ReadAsync(storyId, 3, deadline.Token);

        Assert.Equal(paragraph, read);
        BlobProperties properties = await clients.Container.GetBlobClient($"{storyId}/paragraphs/000003.md").GetPropertiesAsync(cancellationToken: deadline.Token);
        Assert.Equal("2", properties.Metadata["step"]);
        Assert.Equal("4", properties.Metadata["revision"]);
        Assert.Equal("human", properties.Metadata["author"]);
        Assert.StartsWith("text/markdown", properties.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writing_the_same_paragraph_again_is_harmless_and_a_missing_one_reads_as_null()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var paragraphs = new ParagraphStore(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        string storyId = StoryId.New();
        var paragraph = new StoredParagraph(0, "Once.", 0, 1, ParagraphAuthor.Model);

        await paragraphs.WriteAsync(storyId, paragraph, deadline.Token);
        await paragraphs.WriteAsync(storyId, paragraph, deadline.Token);

        Assert.Equal(paragraph, await paragraphs.ReadAsync(storyId, 0, deadline.Token));
        Assert.Null(await paragraphs.ReadAsync(storyId, 1, deadline.Token));
        Assert.Null(await paragraphs.ReadAsync(StoryId.New(), 0, deadline.Token));
    }

    [Fact]
    public async Task Range_read_returns_the_existing_paragraphs_in_order()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var paragraphs = new ParagraphStore(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        string storyId = StoryId.New();
        StoredParagraph[] written = Enumerable.Range(0, 20)
            .Select(i => new StoredParagraph(i, $"Paragraph {i}.", i, 1, ParagraphAuthor.Model))
            .ToArray();
        await Task.WhenAll(written.Select(p => paragraphs.WriteAsync(storyId, p, deadline.Token)));

        IReadOnlyList<StoredParagraph> middle = await paragraphs.ReadRangeAsync(storyId, 4, 12, deadline.Token);
        IReadOnlyList<StoredParagraph> pastTheEnd = await paragraphs.ReadRangeAsync(storyId, 18, 5, deadline.Token);

        Assert.Equal(written[4..16], middle);
        Assert.Equal(written[18..], pastTheEnd);
    }

    [Fact]
    public async Task Step_record_round_trips_exactly()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        StorageClients clients = await StorageTestKit.ClientsAsync(azurite, deadline.Token);
        var steps = new StepRecordStore(clients);
        StepRecord record = FullStepRecord(StoryId.New());

        await steps.WriteAsync(record, deadline.Token);
        StepRecord? read = await steps.ReadAsync(record.StoryId, record.Step, deadline.Token);

        Assert.NotNull(read);
        Assert.Equal(JsonSerializer.Serialize(record, Comparison), JsonSerializer.Serialize(read, Comparison));
        Assert.Equal(record.Inputs.ShortTermMemory.Sentences, read.Inputs.ShortTermMemory.Sentences);
        Assert.Equal(record.WrittenAt.Offset, read.WrittenAt.Offset);
        Assert.Null(await steps.ReadAsync(record.StoryId, record.Step + 1, deadline.Token));

        // Readable by eye: enums by name, Chinese not escaped, in the documented place.
        string stored = (await clients.Container.GetBlobClient($"{record.StoryId}/steps/000012.json").DownloadContentAsync(deadline.Token)).Value.Content.ToString();
        Assert.Contains("\"bounding\":\"Compressed\"", stored, StringComparison.Ordinal);
        Assert.Contains("她听见了冰下的声音。", stored, StringComparison.Ordinal);
    }

    private static StepRecord FullStepRecord(string storyId)
    {
        var premise = new Premise("mystery", "a lighthouse", null, StoryLanguage.Chinese);
        var memory = ShortTermMemory.FromSentences(["Mara arrives.", "她听见了冰下的声音。", "The \"beacon\" fails <again>."]);
        var request = new StepRequest(
            premise,
            "Europa",
            "1. Arrival.\n2. The signal.",
            12,
            "The previous paragraph.",
            memory,
            [new RetrievedMemory(3, "She found the log.", "Full text of three.", 0.87654321f), new RetrievedMemory(1, "Arrival.", null, -0.1f)],
            "Mara answers the signal.");
        var update = MemoryUpdate.Edit([new MemoryDrop(1, "old news")], [new MemoryAddition("The signal repeats.", "new fact")]);
        var draft = new StepDraft("Mara keyed the radio.", "Mara answers.", update, ["Plan A", "Plan B", "Plan C"], 2);
        ModelExchange[] exchanges =
        [
            new("step", 0, "garbled {", "no section: paragraph", 1500, 20, "gpt-4o-mini"),
            new("step", 1, "<paragraph>Mara keyed the radio.</paragraph>", null, 1700, 600, null),
        ];
        return new StepRecord(storyId, 12, request, exchanges, draft, "Mara arrives. The signal repeats.", MemoryBounding.Compressed,
            new DateTimeOffset(2025, 4, 5, 6, 7, 8, TimeSpan.FromHours(-5)).AddTicks(9876543));
    }
}
