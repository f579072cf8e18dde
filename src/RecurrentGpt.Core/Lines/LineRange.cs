namespace RecurrentGpt.Core.Lines;

/// <summary>Paragraphs <paramref name="From"/> to <paramref name="To"/> − 1 of a story, as <paramref name="Line"/> holds them.</summary>
public sealed record LineRange(LineRef Line, int From, int To)
{
    public int Count => To - From;
}
