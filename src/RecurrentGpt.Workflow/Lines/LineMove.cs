using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Workflow.Lines;

/// <summary>
/// What a rewind or restore did: the story now stands at <paramref name="Step"/> on branch <paramref name="Branch"/>;
/// <paramref name="LeftBranch"/> is the branch it left, kept to be listed and restored (null when that line had no steps
/// of its own, so nothing needed keeping).
/// </summary>
public sealed record LineMove(string StoryId, int Step, int ParagraphCount, int Branch, int? LeftBranch, StoryStatus Status, int Generation);
