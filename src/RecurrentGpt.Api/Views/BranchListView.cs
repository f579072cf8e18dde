namespace RecurrentGpt.Api.Views;

/// <summary><c>GET /api/stories/{id}/branches</c>: the branch the story is on, and every branch it left, restorable.</summary>
public sealed record BranchListView(string StoryId, int CurrentBranch, int Step, IReadOnlyList<BranchView> Branches);
