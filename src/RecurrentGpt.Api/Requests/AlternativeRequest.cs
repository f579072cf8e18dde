namespace RecurrentGpt.Api.Requests;

/// <summary><c>PUT /api/stories/{id}/steps/{n}/alternative</c>: the take of step n to stand, from 1 (its first writing).</summary>
public sealed record AlternativeRequest(int? Index);
