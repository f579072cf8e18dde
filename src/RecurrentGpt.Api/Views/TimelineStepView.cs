namespace RecurrentGpt.Api.Views;

/// <summary>
/// One step of the timeline. <c>PlanSource</c>: picked, edited, own, recommended or simulator. <c>Author</c> is who wrote
/// the paragraph's standing revision (model, human). <c>Takes</c> counts its alternatives, <c>StandingTake</c> is the
/// one that stands (from 1). <c>Inherited</c> is true for a fork's steps read from its parent's lines.
/// </summary>
public sealed record TimelineStepView(
    int Step,
    string? Plan,
    string? PlanSource,
    int Take,
    int Paragraph,
    int Words,
    string? Author,
    int Revision,
    string LineStory,
    int LineBranch,
    bool Inherited,
    int Takes,
    int StandingTake,
    IReadOnlyList<int> BranchesLeaving);
