namespace RecurrentGpt.Api.Requests;

/// <summary><c>POST /api/stories</c>.</summary>
public sealed record CreateStoryRequest(
    string? Topic,
    string? Genre = null,
    string? Description = null,
    string? Language = null,
    string? Mode = null,
    int? TargetParagraphs = null,
    string? TimeoutPolicy = null,
    int? ChoiceTimeoutMinutes = null,
    SerialRequest? Serial = null,
    string? CallbackUrl = null,
    string? Id = null);
