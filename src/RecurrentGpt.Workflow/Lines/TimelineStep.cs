using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Workflow.Lines;

/// <summary>
/// One committed step as the timeline shows it: its plan and how it was chosen, its paragraph (words, who wrote the
/// revision that stands), which line holds it (another story's, for a fork's inherited steps), its takes, and the
/// branches the story left after it.
/// </summary>
public sealed record TimelineStep(
    int Step,
    LineRef Line,
    bool Inherited,
    string? Plan,
    PlanChoiceSource? PlanSource,
    int Take,
    int ParagraphIndex,
    int Words,
    ParagraphAuthor? Author,
    int Revision,
    IReadOnlyList<StepAlternative> Takes,
    IReadOnlyList<int> BranchesLeaving);
