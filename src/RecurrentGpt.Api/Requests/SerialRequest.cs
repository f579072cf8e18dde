namespace RecurrentGpt.Api.Requests;

public sealed record SerialRequest(string? Cron, int? ParagraphsPerEpisode);
