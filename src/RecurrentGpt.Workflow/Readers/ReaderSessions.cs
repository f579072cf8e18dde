using RecurrentGpt.Core.Readers;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Lines;
using RecurrentGpt.Workflow.Refusals;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Workflow.Readers;

/// <summary>
/// Readers of a publication, each on a story of their own: starting one makes a token (returned once, stored as its
/// hash) and a fork of the published state at the published step; the token then opens that reader's story and nothing
/// else. A reader chooses among the plans (or types what happens next, when the publication allows it) and can go back
/// to an earlier choice of their own — never before the published step.
/// </summary>
public sealed class ReaderSessions(
    PublicationStore publications,
    StoryForker forker,
    StoryStateUpdater updater,
    ChoiceRecorder choices,
    StoryRewinder rewinder,
    TimeProvider time)
{
    /// <summary>Starts a reader: their token (give it to them; it is not kept) and their session.</summary>
    public async Task<(string Token, ReaderSession Session)> StartAsync(string publicationId, string? note, CancellationToken cancellationToken)
    {
        VersionedPublication published = await PublicationAsync(publicationId, cancellationToken);
        Publication publication = RequireOpen(published.Publication);
        string? checkedNote = CheckNote(note);
        string token = ReaderToken.New();
        var reader = new Reader(publicationId, ReaderToken.Hash(token), PublicationId.NewReaderStoryId(), checkedNote, 0, 0, time.GetUtcNow());

        // The reader row first: a start that dies before the fork leaves a row whose token nobody was given.
        if (!await publications.TryAddReaderAsync(reader, cancellationToken))
        {
            throw new InvalidOperationException("a new reader token's hash exists already");
        }

        int quota = publication.Settings.ReaderQuota;
        await forker.ForkAsync(published.Frozen, publication.Settings.FromStep, reader.StoryId, StoryMode.Interactive, cancellationToken,
            fork => fork with
            {
                // A reader may be back in a week: their story waits for them, and grows by their quota at most.
                TimeoutPolicy = TimeoutPolicy.KeepWaiting,
                ChoiceTimeout = null,
                TargetParagraphs = Math.Min(StoryLimits.MaxTargetParagraphs, fork.ParagraphCount + quota),
            });
        return (token, new ReaderSession(publication, reader, await updater.GetAsync(reader.StoryId, cancellationToken)));
    }

    /// <summary>The reader <paramref name="token"/> names, on the publication; refused unless it is one of this publication's readers.</summary>
    public async Task<ReaderSession> GetAsync(string publicationId, string? token, CancellationToken cancellationToken)
    {
        VersionedPublication published = await PublicationAsync(publicationId, cancellationToken);
        Reader reader = await ReaderAsync(publicationId, token, cancellationToken);
        return new ReaderSession(published.Publication, reader, await updater.GetAsync(reader.StoryId, cancellationToken));
    }

    public async Task<ReaderSession> ChooseAsync(string publicationId, string? token, ReaderChoice choice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ReaderSession session = await GetAsync(publicationId, token, cancellationToken);
        PublicationSettings settings = RequireOpen(session.Publication).Settings;
        StoryState story = session.Story;
        if (story.Status != StoryStatus.AwaitingChoice)
        {
            throw story.Status == StoryStatus.Completed
                ? new StoryRefusedException(StoryRefusal.StoryFinished, "your story has reached its end; go back to an earlier choice to read another way")
                : new StoryRefusedException(StoryRefusal.NotAwaitingChoice, "the next paragraph is being written; choose when it is done");
        }

        (string plan, PlanChoiceSource source, int? index) = choice switch
        {
            { Plan: int number, Text: null } when settings.AllowsPlans => number is >= 1 and <= 3 && number <= story.Plans.Count
                ? (story.Plans[number - 1], PlanChoiceSource.Picked, number)
                : throw new StoryRefusedException(StoryRefusal.ChoiceNotAllowed, $"choose plan 1 to {story.Plans.Count}"),
            { Plan: null, Text: string text } when settings.AllowsFree => (CheckFreeChoice(text), PlanChoiceSource.Own, (int?)null),
            { Plan: not null, Text: not null } => throw new StoryRefusedException(StoryRefusal.ChoiceNotAllowed, "choose a plan or write your own, not both"),
            { Plan: null, Text: null } => throw new StoryRefusedException(StoryRefusal.ChoiceNotAllowed, "choose a plan or write what happens next"),
            _ => throw new StoryRefusedException(StoryRefusal.ChoiceNotAllowed,
                settings.AllowsPlans ? "this story takes one of its plans, not your own words" : "this story takes your own words, not a plan number"),
        };

        ChoiceResult result = await choices.RecordAsync(story.StoryId, story.Step + 1, plan, source, index, cancellationToken);
        return result switch
        {
            ChoiceResult.Recorded => session with { Story = await updater.GetAsync(story.StoryId, cancellationToken) },
            ChoiceResult.AlreadyChosen => throw new StoryRefusedException(StoryRefusal.AlreadyChosen, "a choice for this step is made already"),
            _ => throw new StoryRefusedException(StoryRefusal.StaleStep, "your story moved on meanwhile; read it again and choose"),
        };
    }

    /// <summary>Goes back to just after step <paramref name="toStep"/> of the reader's own story, the published step at the earliest.</summary>
    public async Task<ReaderSession> RewindAsync(string publicationId, string? token, int toStep, CancellationToken cancellationToken)
    {
        ReaderSession session = await GetAsync(publicationId, token, cancellationToken);
        int published = session.Publication.Settings.FromStep;
        if (toStep < published || toStep > session.Story.Step)
        {
            throw new StoryRefusedException(StoryRefusal.StepNotFound, $"you can go back to step {published} (where the story was published) to {session.Story.Step}");
        }

        await rewinder.RewindAsync(session.Story.StoryId, toStep, cancellationToken);
        return session with { Story = await updater.GetAsync(session.Story.StoryId, cancellationToken) };
    }

    private async Task<VersionedPublication> PublicationAsync(string publicationId, CancellationToken cancellationToken) =>
        await publications.GetAsync(publicationId, cancellationToken)
        ?? throw new StoryRefusedException(StoryRefusal.PublicationNotFound, $"no story is published as \"{publicationId}\"");

    private async Task<Reader> ReaderAsync(string publicationId, string? token, CancellationToken cancellationToken) =>
        (ReaderToken.IsWellFormed(token) ? await publications.GetReaderAsync(publicationId, ReaderToken.Hash(token!), cancellationToken) : null)
        ?? throw new StoryRefusedException(StoryRefusal.NotAReader, "this reader token does not open a story of this publication; start reading to get one");

    private static Publication RequireOpen(Publication publication) =>
        publication.Status == PublicationStatus.Open
            ? publication
            : throw new StoryRefusedException(StoryRefusal.PublicationClosed, "the writer has stopped publishing this story: you can read what you have, not go on");

    private static string CheckFreeChoice(string text)
    {
        string trimmed = text.Trim();
        return trimmed.Length is >= 1 and <= PublicationSettings.MaxFreeChoiceChars
            ? trimmed
            : throw new StoryRefusedException(StoryRefusal.ChoiceNotAllowed, $"write what happens next in 1 to {PublicationSettings.MaxFreeChoiceChars} characters");
    }

    private static string? CheckNote(string? note)
    {
        string? trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return trimmed is null || trimmed.Length <= PublicationSettings.MaxNoteChars
            ? trimmed
            : throw new StoryRefusedException(StoryRefusal.ChoiceNotAllowed, $"a reader note has at most {PublicationSettings.MaxNoteChars} characters");
    }
}
