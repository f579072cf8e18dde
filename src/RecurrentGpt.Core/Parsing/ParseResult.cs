namespace RecurrentGpt.Core.Parsing;

/// <summary>A parsed value and what was tidied to read it, or every problem that kept the output from parsing.</summary>
public sealed class ParseResult<T>
    where T : class
{
    private ParseResult(T? value, IReadOnlyList<string> problems, IReadOnlyList<string> normalisations)
    {
        Value = value;
        Problems = problems;
        Normalisations = normalisations;
    }

    public T? Value { get; }

    public IReadOnlyList<string> Problems { get; }

    /// <summary>
    /// Each slip that had one obvious meaning and was read that way, as a short sentence ("memory_drop named sentence 1
    /// twice; kept once"), in the order the parser met them. Empty for a clean output and for a failure.
    /// </summary>
    public IReadOnlyList<string> Normalisations { get; }

    public bool Succeeded => Value is not null;

    /// <summary>All problems in one line, in the order of the output's sections; quoted back to the model in a repair request.</summary>
    public string Error => string.Join("; ", Problems);

    public static ParseResult<T> Success(T value) => new(value, [], []);

    public static ParseResult<T> Success(T value, IEnumerable<string> normalisations) =>
        new(value, [], normalisations.Distinct(StringComparer.Ordinal).ToList());

    public static ParseResult<T> Failure(IReadOnlyList<string> problems) =>
        new(null, problems.Count == 0 ? ["the output could not be read"] : problems, []);
}
