using Microsoft.Extensions.Options;

namespace RecurrentGpt.Infrastructure;

/// <summary>Lets a host check options at start-up (<c>ValidateOnStart</c>) rather than at first use.</summary>
public sealed class OptionsValidation<TOptions> : IValidateOptions<TOptions>
    where TOptions : class, ISelfValidatingOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
