using Microsoft.Extensions.Options;

namespace RecurrentGpt.Infrastructure;

/// <summary>Options that can say what is wrong with them, one sentence per problem, naming the setting.</summary>
public interface ISelfValidatingOptions
{
    IReadOnlyList<string> Validate();
}

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
