using RecurrentGpt.Core.Readers;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;
using RecurrentGpt.TestSupport.Stories;
using RecurrentGpt.Workflow.Readers;
using RecurrentGpt.Workflow.Refusals;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Tests.Readers;

/// <summary>
/// A story published at a step, read by readers each on a fork of their own: their stories part where their choices
/// do, the published text is read by reference, the writer's story is untouched, and a token opens its own reader's story only.
/// </summary>
public class ReaderSessionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29197;
    private static readonly PublicationSettings AtStepFour = new(4, PublicationChoices.Both, 10, 1_000_000, null);

    [Fact]
    public async Task Two_readers_of_a_story_published_at_step_four_part_from_step_five_and_the_writers_story_is_unchanged()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var story = new StoryDriver(harness.Services);
        string writer = await WrittenAsync(story, 5);

        Publication publication = await harness.Get<StoryPublisher>().PublishAsync(writer, AtStepFour, CancellationToken.None);
        string writerBefore = await StoryFootprint.ReadAsync(await azurite.ConnectionStringAsync(), writer);
        ReaderSessions readers = harness.Get<ReaderSessions>();

        (string first, ReaderSession one) = await readers.StartAsync(publication.PublicationId, "call the keeper Ana", CancellationToken.None);
        (string second, ReaderSession two) = await readers.StartAsync(publication.PublicationId, null, CancellationToken.None);
        Assert.NotEqual(one.Story.StoryId, two.Story.StoryId);
        Assert.Equal((4, 4), (one.Story.Step, two.Story.Step));
        Assert.Equal((writer, 4), (one.Story.Fork?.ParentId, one.Story.Fork?.Step));
        MemorySnapshot four = (await harness.Get<StoryStateStore>().GetSnapshotAsync(writer, 4, CancellationToken.None))!;
        Assert.Equal(four.ShortTermMemory, one.Story.ShortTermMemory);

        // Three steps each, the first reader always the first plan, the second their own words.
        for (int step = 5; step <= 7; step++)
        {
            await story.WaitForAsync(one.Story.StoryId, s => s.Step + 1 == step && s.Status == StoryStatus.AwaitingChoice);
            await readers.ChooseAsync(publication.PublicationId, first, new ReaderChoice(1, null), CancellationToken.None);
            await story.WaitForAsync(two.Story.StoryId, s => s.Step + 1 == step && s.Status == StoryStatus.AwaitingChoice);
            await readers.ChooseAsync(publication.PublicationId, second, new ReaderChoice(null, $"Mara Quint burns ledger page {step} on the pier."), CancellationToken.None);
        }

        StoryState oneAtSeven = await story.WaitForAsync(one.Story.StoryId, s => s.Step == 7 && s.Status == StoryStatus.AwaitingChoice);
        StoryState twoAtSeven = await story.WaitForAsync(two.Story.StoryId, s => s.Step == 7 && s.Status == StoryStatus.AwaitingChoice);
        StoryText text = harness.Get<StoryText>();
        IReadOnlyList<StoredParagraph> oneText = await text.RangeAsync(oneAtSeven, 0, oneAtSeven.ParagraphCount, CancellationToken.None);
        IReadOnlyList<StoredParagraph> twoText = await text.RangeAsync(twoAtSeven, 0, twoAtSeven.ParagraphCount, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, four.ParagraphCount + 3), oneText.Select(p => p.Index));
        Assert.Equal(oneText.Take(four.ParagraphCount).Select(p => p.Text), twoText.Take(four.ParagraphCount).Select(p => p.Text));
        for (int index = four.ParagraphCount; index < oneText.Count; index++)
        {
            Assert.NotEqual(oneText[index].Text, twoText[index].Text);
        }

        // The published paragraphs are the writer's blobs, read by reference: each reader holds the blobs of its own three only.
        var container = new Azure.Storage.Blobs.BlobContainerClient(await azurite.ConnectionStringAsync(), "stories");
        foreach (string readerStory in new[] { one.Story.StoryId, two.Story.StoryId })
        {
            int blobs = 0;
            await foreach (Azure.Storage.Blobs.Models.BlobItem blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, readerStory + "/", CancellationToken.None))
            {
                blobs += blob.Name.Contains("/paragraphs/", StringComparison.Ordinal) ? 1 : 0;
            }

            Assert.Equal(3, blobs);
        }

        Assert.Equal(writerBefore, await StoryFootprint.ReadAsync(await azurite.ConnectionStringAsync(), writer));

        // A reader goes back to an earlier choice of their own, never before the published step.
        ReaderSession back = await readers.RewindAsync(publication.PublicationId, first, 5, CancellationToken.None);
        Assert.Equal(5, back.Story.Step);
        StoryRefusedException beforePublished = await Assert.ThrowsAsync<StoryRefusedException>(() => readers.RewindAsync(publication.PublicationId, first, 3, CancellationToken.None));
        Assert.Equal(StoryRefusal.StepNotFound, beforePublished.Refusal);

        PublicationActivity activity = Assert.Single(await harness.Get<StoryPublisher>().ListAsync(writer, CancellationToken.None));
        Assert.Equal(2, activity.Readers);
    }

    [Fact]
    public async Task A_token_opens_its_own_readers_story_only_and_an_unpublished_story_takes_no_new_readers_or_steps()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var story = new StoryDriver(harness.Services);
        string writer = await WrittenAsync(story, 4);

        StoryPublisher publisher = harness.Get<StoryPublisher>();
        ReaderSessions readers = harness.Get<ReaderSessions>();
        Publication publication = await publisher.PublishAsync(writer, AtStepFour, CancellationToken.None);
        Publication other = await publisher.PublishAsync(writer, AtStepFour with { Choices = PublicationChoices.Plans }, CancellationToken.None);
        (string token, ReaderSession reader) = await readers.StartAsync(publication.PublicationId, null, CancellationToken.None);
        (string otherToken, _) = await readers.StartAsync(other.PublicationId, null, CancellationToken.None);
        await story.WaitForAsync(reader.Story.StoryId, s => s.Status == StoryStatus.AwaitingChoice);
        string readerBefore = await StoryFootprint.ReadAsync(await azurite.ConnectionStringAsync(), reader.Story.StoryId);

        string forged = ReaderToken.New();
        foreach (string? wrong in new[] { null, "", "not-a-token", forged, otherToken, token[..^1] + (token[^1] == 'A' ? 'B' : 'A') })
        {
            StoryRefusedException refused = await Assert.ThrowsAsync<StoryRefusedException>(() =>
                readers.ChooseAsync(publication.PublicationId, wrong, new ReaderChoice(1, null), CancellationToken.None));
            Assert.Equal(StoryRefusal.NotAReader, refused.Refusal);
            Assert.Equal(StoryRefusal.NotAReader, (await Assert.ThrowsAsync<StoryRefusedException>(() =>
                readers.GetAsync(publication.PublicationId, wrong, CancellationToken.None))).Refusal);
        }

        Assert.Equal(StoryRefusal.PublicationNotFound, (await Assert.ThrowsAsync<StoryRefusedException>(() =>
            readers.GetAsync(PublicationId.New(), token, CancellationToken.None))).Refusal);
        Assert.Equal(StoryRefusal.ChoiceNotAllowed, (await Assert.ThrowsAsync<StoryRefusedException>(() =>
            readers.ChooseAsync(other.PublicationId, otherToken, new ReaderChoice(null, "my own idea"), CancellationToken.None))).Refusal);
        Assert.Equal(StoryRefusal.ChoiceNotAllowed, (await Assert.ThrowsAsync<StoryRefusedException>(() =>
            readers.ChooseAsync(publication.PublicationId, token, new ReaderChoice(null, new string('x', PublicationSettings.MaxFreeChoiceChars + 1)), CancellationToken.None))).Refusal);
        Assert.Equal(readerBefore, await StoryFootprint.ReadAsync(await azurite.ConnectionStringAsync(), reader.Story.StoryId));

        await publisher.UnpublishAsync(writer, publication.PublicationId, CancellationToken.None);
        Assert.Equal(StoryRefusal.PublicationClosed, (await Assert.ThrowsAsync<StoryRefusedException>(() =>
            readers.StartAsync(publication.PublicationId, null, CancellationToken.None))).Refusal);
        Assert.Equal(StoryRefusal.PublicationClosed, (await Assert.ThrowsAsync<StoryRefusedException>(() =>
            readers.ChooseAsync(publication.PublicationId, token, new ReaderChoice(2, null), CancellationToken.None))).Refusal);
        Assert.Equal(reader.Story.StoryId, (await readers.GetAsync(publication.PublicationId, token, CancellationToken.None)).Story.StoryId);
        Assert.Equal(readerBefore, await StoryFootprint.ReadAsync(await azurite.ConnectionStringAsync(), reader.Story.StoryId));
    }

    /// <summary>The writer's interactive story, written <paramref name="steps"/> steps.</summary>
    private static async Task<string> WrittenAsync(StoryDriver story, int steps)
    {
        string writer = await story.StartInteractiveAsync(20);
        for (int step = 1; step <= steps; step++)
        {
            await story.ChooseAsync(writer, step, $"Step {step}: Elias follows the brass key to place number {step}.");
        }

        return writer;
    }
}
