using RecurrentGpt.Api.Problems;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Api.Requests;

/// <summary>Turns a create request into a <see cref="NewStory"/>, naming the first field that is missing, unknown or too long.</summary>
internal static class NewStoryRequests
{
    public const int DefaultTargetParagraphs = 20;

    public static NewStory From(CreateStoryRequest request)
    {
        string topic = TextFields.Required(request.Topic, "topic", StoryLimits.MaxTopicChars);
        StoryLanguage language = request.Language is null ? StoryLanguage.English
            : StoryLanguages.TryParse(request.Language) ?? throw ApiProblem.Invalid("language must be \"en\" or \"zh\"");
        string genre = TextFields.Optional(request.Genre, "genre", StoryLimits.MaxGenreChars) ?? DefaultGenre(language);
        string? description = TextFields.Optional(request.Description, "description", StoryLimits.MaxDescriptionChars);
        StoryMode mode = request.Mode is null
            ? request.Serial is null ? StoryMode.Interactive : StoryMode.Auto
            : ModeOf(request.Mode) ?? throw ApiProblem.Invalid("mode must be \"interactive\" or \"auto\"");
        TimeoutPolicy policy = request.TimeoutPolicy?.Trim().ToLowerInvariant() switch
        {
            null or "keep-waiting" => TimeoutPolicy.KeepWaiting,
            "auto-choose" => TimeoutPolicy.AutoChoose,
            "pause" => TimeoutPolicy.Pause,
            _ => throw ApiProblem.Invalid("timeoutPolicy must be \"keep-waiting\", \"auto-choose\" or \"pause\""),
        };
        int target = request.TargetParagraphs ?? DefaultTargetParagraphs;
        if (target is < 1 or > StoryLimits.MaxTargetParagraphs)
        {
            throw ApiProblem.Invalid($"targetParagraphs must be from 1 to {StoryLimits.MaxTargetParagraphs}");
        }

        TimeSpan? timeout = null;
        if (request.ChoiceTimeoutMinutes is int minutes)
        {
            timeout = minutes is >= 1 and <= ApiLimits.MaxChoiceTimeoutMinutes
                ? TimeSpan.FromMinutes(minutes)
                : throw ApiProblem.Invalid($"choiceTimeoutMinutes must be from 1 to {ApiLimits.MaxChoiceTimeoutMinutes}");
        }

        SerialSchedule? serial = request.Serial is null ? null : new SerialSchedule(
            TextFields.Required(request.Serial.Cron, "serial.cron", 100),
            request.Serial.ParagraphsPerEpisode ?? throw ApiProblem.Invalid("serial.paragraphsPerEpisode is required"));
        string? id = request.Id is null ? null
            : StoryId.IsValid(request.Id) ? request.Id : throw ApiProblem.Invalid($"id is not valid: {StoryId.Rule}");
        string? callback = TextFields.Optional(request.CallbackUrl, "callbackUrl", ApiLimits.MaxCallbackUrlChars);
        return new NewStory(id, new Premise(genre, topic, description, language), mode, target, policy, timeout, Serial: serial, CallbackUrl: callback);
    }

    /// <summary>With no genre given, "fiction" in the story's own language: a Chinese prompt gets no English word.</summary>
    public static string DefaultGenre(StoryLanguage language) => language == StoryLanguage.Chinese ? "小说" : "fiction";

    /// <summary>"interactive" or "auto", in any case and with spaces around; null for anything else.</summary>
    public static StoryMode? ModeOf(string? mode) => mode?.Trim().ToLowerInvariant() switch
    {
        "interactive" => StoryMode.Interactive,
        "auto" => StoryMode.Auto,
        _ => null,
    };
}
