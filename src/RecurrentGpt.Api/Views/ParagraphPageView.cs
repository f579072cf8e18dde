namespace RecurrentGpt.Api.Views;

public sealed record ParagraphPageView(IReadOnlyList<ParagraphView> Paragraphs, int From, int Total, int? Next);
