namespace RecurrentGpt.Core.Writing;

/// <summary>Tokens spent, summed over exchanges.</summary>
public sealed record TokenUsage(long InputTokens, long OutputTokens, int Calls)
{
    public static TokenUsage None { get; } = new(0, 0, 0);

    public static TokenUsage Of(IEnumerable<ModelExchange> exchanges)
    {
        long input = 0, output = 0;
        int calls = 0;
        foreach (ModelExchange exchange in exchanges)
        {
            input += exchange.InputTokens;
            output += exchange.OutputTokens;
            calls++;
        }

        return new TokenUsage(input, output, calls);
    }

    public TokenUsage Add(TokenUsage other) => new(InputTokens + other.InputTokens, OutputTokens + other.OutputTokens, Calls + other.Calls);
}
