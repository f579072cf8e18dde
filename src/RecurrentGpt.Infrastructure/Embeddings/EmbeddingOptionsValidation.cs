using Microsoft.Extensions.Options;

namespace RecurrentGpt.Infrastructure.Embeddings;

/// <summary>Lets a host check <see cref="EmbeddingOptions"/> at start-up (<c>ValidateOnStart</c>) rather than at the first paragraph.</summary>
public sealed class EmbeddingOptionsValidation : IValidateOptions<EmbeddingOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
