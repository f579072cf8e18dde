using Microsoft.Extensions.Options;

namespace RecurrentGpt.Infrastructure.Models;

/// <summary>Start-up validation for hosts that bind <see cref="ModelOptions"/> through <c>IOptions</c>.</summary>
public sealed class ModelOptionsValidator : IValidateOptions<ModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
