namespace RecurrentGpt.Api.Views;

public sealed record StoryCreatedView(string Id, string StatusUrl);
