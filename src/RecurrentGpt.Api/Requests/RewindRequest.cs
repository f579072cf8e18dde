namespace RecurrentGpt.Api.Requests;

/// <summary><c>POST /api/stories/{id}/rewind</c>: the committed step to stand at again (0 is just after the opening).</summary>
public sealed record RewindRequest(int? ToStep);
