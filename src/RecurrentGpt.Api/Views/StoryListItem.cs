namespace RecurrentGpt.Api.Views;

public sealed record StoryListItem(string Id, string Title, string Status, string Mode, int ParagraphCount, int TargetParagraphs, DateTimeOffset UpdatedAt);
