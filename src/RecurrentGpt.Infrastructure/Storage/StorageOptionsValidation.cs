using Microsoft.Extensions.Options;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>Lets a host check <see cref="StorageOptions"/> at start-up (<c>ValidateOnStart</c>) rather than at the first write.</summary>
public sealed class StorageOptionsValidation : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
