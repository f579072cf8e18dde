namespace RecurrentGpt.Api.Requests;

public sealed record ModeChangeRequest(string? Mode);
