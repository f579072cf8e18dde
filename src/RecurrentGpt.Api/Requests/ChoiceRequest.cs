namespace RecurrentGpt.Api.Requests;

/// <summary>
/// <c>POST /api/stories/{id}/choice</c> and the plan-choice webhook: <see cref="Plan"/> alone picks a plan (1 to 3),
/// with <see cref="Text"/> it edits that plan, and <see cref="Text"/> alone is the writer's own plan.
/// </summary>
public sealed record ChoiceRequest(int? Step, int? Plan = null, string? Text = null, string? StoryId = null);
