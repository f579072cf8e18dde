using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Readers;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Lines;
using RecurrentGpt.Workflow.Refusals;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Readers;

/// <summary>
/// Publishes a story at a committed step for readers, and unpublishes it. A publication freezes the story's state as it
/// stands (its lineage above all), so every reader's fork starts from the same published text whatever the writer does next.
/// </summary>
public sealed class StoryPublisher(StoryStateUpdater updater, StoryStateStore states, PublicationStore publications, TimeProvider time)
{
    // An unpublish that loses a race for the row reads it again: a few rounds at most.
    private const int MaxAttempts = 4;

    public async Task<Publication> PublishAsync(string storyId, PublicationSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Problem() is string problem)
        {
            throw new ArgumentException(problem, nameof(settings));
        }

        StoryState story = await updater.GetAsync(storyId, cancellationToken);
        if (!story.IsOpened)
        {
            throw new StoryRefusedException(StoryRefusal.NotForkable, $"story {storyId} has not opened yet: there is no step to publish");
        }

        if (story.Fork is { Ancestors.Count: >= ForkOrigin.MaxAncestors })
        {
            throw new StoryRefusedException(StoryRefusal.NotForkable, $"story {storyId} is a fork {ForkOrigin.MaxAncestors} forks deep: its readers' forks could not be made");
        }

        // The same check a reader's fork makes later, made now: a step that cannot start a line is refused at publishing.
        await LineStart.AfterAsync(states, story, settings.FromStep, LineRef.Root(storyId), "publish", StoryRefusal.NotForkable, cancellationToken);
        if ((await publications.ListAsync(storyId, cancellationToken)).Count >= PublicationStore.MaxPerStory)
        {
            throw new StoryRefusedException(StoryRefusal.PublicationLimit, $"story {storyId} has {PublicationStore.MaxPerStory} publications; unpublished ones count too");
        }

        var publication = new Publication(PublicationId.New(), storyId, settings, PublicationStatus.Open, time.GetUtcNow(), null);
        await publications.CreateAsync(publication, story, cancellationToken);
        return publication;
    }

    /// <summary>Stops new readers and new reader steps; what readers have stays theirs. Unpublishing twice changes nothing.</summary>
    public async Task<Publication> UnpublishAsync(string storyId, string publicationId, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            VersionedPublication read = await GetAsync(storyId, publicationId, cancellationToken);
            if (read.Publication.Status == PublicationStatus.Unpublished)
            {
                return read.Publication;
            }

            Publication closed = read.Publication with { Status = PublicationStatus.Unpublished, UnpublishedAt = time.GetUtcNow() };
            try
            {
                await publications.ReplaceAsync(closed, read.Frozen, read.ETag, cancellationToken);
                return closed;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
            }
        }
    }

    /// <summary>The story's publications with what their readers have done.</summary>
    public async Task<IReadOnlyList<PublicationActivity>> ListAsync(string storyId, CancellationToken cancellationToken)
    {
        await updater.GetAsync(storyId, cancellationToken);
        var listed = new List<PublicationActivity>();
        foreach (Publication publication in await publications.ListAsync(storyId, cancellationToken))
        {
            listed.Add(await ActivityAsync(publication, cancellationToken));
        }

        return listed;
    }

    public async Task<PublicationActivity> GetActivityAsync(string storyId, string publicationId, CancellationToken cancellationToken) =>
        await ActivityAsync((await GetAsync(storyId, publicationId, cancellationToken)).Publication, cancellationToken);

    private async Task<VersionedPublication> GetAsync(string storyId, string publicationId, CancellationToken cancellationToken)
    {
        await updater.GetAsync(storyId, cancellationToken);
        return await publications.GetAsync(storyId, publicationId, cancellationToken)
            ?? throw new StoryRefusedException(StoryRefusal.PublicationNotFound, $"story {storyId} has no publication \"{publicationId}\"");
    }

    private async Task<PublicationActivity> ActivityAsync(Publication publication, CancellationToken cancellationToken)
    {
        int readers = 0;
        long steps = 0;
        long tokens = 0;
        await foreach (Reader reader in publications.ListReadersAsync(publication.PublicationId, cancellationToken))
        {
            readers++;
            steps += reader.Steps;
            tokens += reader.Tokens;
        }

        return new PublicationActivity(publication, readers, steps, tokens);
    }
}
