namespace RecurrentGpt.Core.Writing;

/// <summary>A parsed result with every exchange that produced it.</summary>
public sealed record WriterResult<T>(T Value, IReadOnlyList<ModelExchange> Exchanges)
{
    public TokenUsage Usage => TokenUsage.Of(Exchanges);
}
