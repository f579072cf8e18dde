namespace RecurrentGpt.Api.Views;

public sealed record ParagraphView(int Index, string Text, int Step, int Revision, string Author);
