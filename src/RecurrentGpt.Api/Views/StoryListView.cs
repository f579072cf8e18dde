namespace RecurrentGpt.Api.Views;

public sealed record StoryListView(IReadOnlyList<StoryListItem> Stories);
