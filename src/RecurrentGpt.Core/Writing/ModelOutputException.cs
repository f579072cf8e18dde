namespace RecurrentGpt.Core.Writing;

/// <summary>The model's output still did not parse after the bounded repairs. Carries every raw output.</summary>
public sealed class ModelOutputException : Exception
{
    public ModelOutputException(string purpose, IReadOnlyList<ModelExchange> exchanges)
        : base($"The model's {purpose} output could not be parsed after {exchanges.Count - 1} repair request(s): {exchanges[^1].ParseError}")
    {
        Purpose = purpose;
        Exchanges = exchanges;
    }

    public string Purpose { get; }

    public IReadOnlyList<ModelExchange> Exchanges { get; }

    public string RawOutput => Exchanges[^1].RawOutput;
}
