using RecurrentGpt.Core.Story;
using RecurrentGpt.Workflow.Scheduling;

namespace RecurrentGpt.Workflow.Contracts;

/// <summary>
/// What the orchestration needs to decide its next move, returned by the activities that change the story.
/// For a serial, <paramref name="Episode"/> counts the episodes published, and <paramref name="EndsEpisode"/> says the
/// paragraphs just committed complete the episode being written.
/// <paramref name="HasCallback"/> lets the orchestration skip NotifySubscribers entirely for stories without a callback URL.
/// <paramref name="NextPlanChosen"/>: the commit already recorded auto mode's recommended plan for the next step, so the
/// orchestration goes straight to writing it (one activity and its storage round trips fewer per step).
/// <paramref name="Generation"/>: the state's generation; a change means a rewind or restore moved the story.
/// </summary>
public sealed record StoryProgress(
    string StoryId,
    int Step,
    int ParagraphCount,
    int TargetParagraphs,
    StoryMode Mode,
    StoryStatus Status,
    IReadOnlyList<string> Plans,
    int Episode = 0,
    bool EndsEpisode = false,
    bool HasCallback = false,
    bool NextPlanChosen = false,
    int Generation = 0)
{
    public bool IsFinished => StoryLifecycle.IsFinished(ParagraphCount, TargetParagraphs, Status);

    public static StoryProgress Of(StoryState state) =>
        new(state.StoryId, state.Step, state.ParagraphCount, state.TargetParagraphs, state.Mode, state.Status, state.Plans,
            state.Episode, SerialCalendar.EndsEpisode(state), state.CallbackUrl is not null, Generation: state.Generation);
}
