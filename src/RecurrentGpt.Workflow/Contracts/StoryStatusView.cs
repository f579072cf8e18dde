namespace RecurrentGpt.Workflow.Contracts;

/// <summary>The orchestration's custom status: small (well under 16 KB) and enough for a client to show where the story is.</summary>
/// <param name="Generation">The generation of the state the execution works from: once it shows a move's generation, the instance has followed the move.</param>
public sealed record StoryStatusView(int Step, string Mode, string Status, int ParagraphCount, IReadOnlyList<string>? Plans, string? Reason, int Generation = 0);
