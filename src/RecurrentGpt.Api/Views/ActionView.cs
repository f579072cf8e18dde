namespace RecurrentGpt.Api.Views;

public sealed record ActionView(string StoryId, string Action, string Status);
