namespace RecurrentGpt.Api.Problems;

/// <summary>
/// A request the API answers with an RFC 9457 problem: a status, a stable <see cref="Type"/> a client can switch on,
/// and a detail written for the person reading it.
/// </summary>
public sealed class ApiProblem(int status, string type, string title, string detail) : Exception(detail)
{
    /// <summary>Problem types are URNs: stable identifiers, not links that could go stale.</summary>
    public const string TypePrefix = "urn:recurrentgpt:problem:";

    public int Status { get; } = status;

    public string Type { get; } = TypePrefix + type;

    public string Title { get; } = title;

    public string Detail { get; } = detail;

    public static ApiProblem Invalid(string detail) => new(400, "invalid-request", "The request is not valid", detail);

    public static ApiProblem TooLarge(string detail) => new(413, "body-too-large", "The request body is too large", detail);

    public static ApiProblem NotFound(string detail) => new(404, "story-not-found", "No such story", detail);

    public static ApiProblem Conflict(string type, string title, string detail) => new(409, type, title, detail);
}
