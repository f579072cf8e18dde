namespace RecurrentGpt.Workflow.Contracts;

/// <summary>The orchestration's custom status: small (well under 16 KB) and enough for a client to show where the story is.</summary>
public sealed record StoryStatusView(int Step, string Mode, string Status, int ParagraphCount, IReadOnlyList<string>? Plans, string? Reason);
