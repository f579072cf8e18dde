using Microsoft.ML.Tokenizers;

namespace RecurrentGpt.Infrastructure.Tokens;

/// <summary>Counts cl100k tokens, the encoding of the GPT-4 family, so budgets are measured as a real model would bill them.</summary>
public static class TokenCounter
{
    private static readonly Lazy<Tokenizer> Cl100k = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    public static int Count(string? text) => string.IsNullOrEmpty(text) ? 0 : Cl100k.Value.CountTokens(text);
}
