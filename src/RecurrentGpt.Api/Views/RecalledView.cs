namespace RecurrentGpt.Api.Views;

public sealed record RecalledView(int Paragraph, string Summary, double Score);
