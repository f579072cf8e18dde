namespace RecurrentGpt.Workflow.Api;

// Request bodies of the v1 contract. Every field is optional at the JSON level so a missing one gets a 400 that names it.

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

public sealed record SerialRequest(string? Cron, int? ParagraphsPerEpisode);

/// <summary>
/// <c>POST /api/stories/{id}/choice</c> and the plan-choice webhook: <see cref="Plan"/> alone picks a plan (1 to 3),
/// with <see cref="Text"/> it edits that plan, and <see cref="Text"/> alone is the writer's own plan.
/// </summary>
public sealed record ChoiceRequest(int? Step, int? Plan = null, string? Text = null, string? StoryId = null);

/// <summary><c>PUT /api/stories/{id}/memory</c> (with If-Match): either or both.</summary>
public sealed record MemoryEditRequest(string? ShortTermMemory = null, IReadOnlyList<string>? Plans = null);

/// <summary><c>PUT /api/stories/{id}/paragraphs/{n}</c>.</summary>
public sealed record ParagraphEditRequest(string? Text);
