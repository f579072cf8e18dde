namespace RecurrentGpt.Api.Requests;

/// <summary><c>POST /api/stories/{id}/fork</c>: the committed step to fork at, and the new story's id and mode (the parent's when left out).</summary>
public sealed record ForkRequest(int? FromStep, string? Id, string? Mode);
