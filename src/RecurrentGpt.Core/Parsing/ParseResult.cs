namespace RecurrentGpt.Core.Parsing;

/// <summary>A parsed value, or every problem that kept the output from parsing.</summary>
public sealed class ParseResult<T>
    where T : class
{
    private ParseResult(T? value, IReadOnlyList<string> problems)
    {
        Value = value;
        Problems = problems;
    }

    public T? Value { get; }

    public IReadOnlyList<string> Problems { get; }

    public bool Succeeded => Value is not null;

    /// <summary>All problems in one line, in the order of the output's sections; quoted back to the model in a repair request.</summary>
    public string Error => string.Join("; ", Problems);

    public static ParseResult<T> Success(T value) => new(value, []);

    public static ParseResult<T> Failure(IReadOnlyList<string> problems) =>
        new(null, problems.Count == 0 ? ["the output could not be read"] : problems);
}
