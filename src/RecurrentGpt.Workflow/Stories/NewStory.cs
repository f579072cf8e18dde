using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;

namespace RecurrentGpt.Workflow.Stories;

/// <summary>What a client asks for when it starts a story.</summary>
public sealed record NewStory(
    string? StoryId,
    Premise Premise,
    StoryMode Mode,
    int TargetParagraphs,
    TimeoutPolicy TimeoutPolicy = TimeoutPolicy.KeepWaiting,
    TimeSpan? ChoiceTimeout = null,
    WriterSettings? Settings = null,
    SerialSchedule? Serial = null,
    string? CallbackUrl = null);
