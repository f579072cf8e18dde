using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Workflow.Lines;

/// <summary>
/// What a move does: the state the story moves to, the branch row it restores (and so removes), and for a regeneration
/// the choice its new line starts with.
/// </summary>
internal sealed record LineDecision(StoryState Moved, int? Restored, PlanChoice? Choice = null);
