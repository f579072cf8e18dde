namespace RecurrentGpt.Api.Views;

public sealed record ChoiceView(string StoryId, int Step, string Plan, string Source);
