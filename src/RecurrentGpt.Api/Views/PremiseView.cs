namespace RecurrentGpt.Api.Views;

public sealed record PremiseView(string Genre, string Topic, string? Description, string Language);
