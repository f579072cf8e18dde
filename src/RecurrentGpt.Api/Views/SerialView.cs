namespace RecurrentGpt.Api.Views;

public sealed record SerialView(string Cron, int ParagraphsPerEpisode);
