namespace RecurrentGpt.Api.Views;

/// <summary>A rewind or restore, done: where the story stands now, and the branch it left (null when nothing needed keeping).</summary>
public sealed record LineMoveView(string StoryId, string Action, int Step, int ParagraphCount, int Branch, int? LeftBranch, string Status);
