namespace RecurrentGpt.Api.Views;

/// <summary><c>GET /api/stories/{id}/recall</c>: the earlier paragraphs a plan would recall, best first.</summary>
public sealed record RecallView(string Query, IReadOnlyList<RecalledView> Recalled);
