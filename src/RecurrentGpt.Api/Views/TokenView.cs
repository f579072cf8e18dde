namespace RecurrentGpt.Api.Views;

public sealed record TokenView(long Input, long Output);
