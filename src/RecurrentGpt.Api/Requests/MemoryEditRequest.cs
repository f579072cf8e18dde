namespace RecurrentGpt.Api.Requests;

/// <summary><c>PUT /api/stories/{id}/memory</c> (with If-Match): either or both.</summary>
public sealed record MemoryEditRequest(string? ShortTermMemory = null, IReadOnlyList<string>? Plans = null);
