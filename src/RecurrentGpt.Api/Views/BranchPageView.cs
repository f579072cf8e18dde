namespace RecurrentGpt.Api.Views;

/// <summary><c>GET /api/stories/{id}/branches/{n}</c>: the branch, and a page of its text as it stood when the story left it.</summary>
public sealed record BranchPageView(BranchView Branch, ParagraphPageView Text);
