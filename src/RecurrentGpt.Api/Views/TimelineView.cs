namespace RecurrentGpt.Api.Views;

/// <summary><c>GET /api/stories/{id}/timeline</c>: a page of the story's steps, the branches it left, and where a fork came from.</summary>
public sealed record TimelineView(
    string StoryId,
    int Step,
    int Branch,
    int OpeningParagraphs,
    ForkedFromView? ForkedFrom,
    IReadOnlyList<TimelineStepView> Steps,
    IReadOnlyList<BranchView> Branches,
    int From,
    int? Next);
