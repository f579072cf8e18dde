namespace RecurrentGpt.Api.Requests;

/// <summary><c>PUT /api/stories/{id}/paragraphs/{n}</c>.</summary>
public sealed record ParagraphEditRequest(string? Text);
