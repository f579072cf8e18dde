using RecurrentGpt.Api.Problems;

namespace RecurrentGpt.Api.Requests;

/// <summary>The contract's text fields: trimmed, not empty, within their limit — or a 400 that names the field.</summary>
internal static class TextFields
{
    public static string Required(string? value, string field, int maxChars) =>
        Optional(value, field, maxChars) ?? throw ApiProblem.Invalid($"{field} is required");

    public static string? Optional(string? value, string field, int maxChars)
    {
        if (value is null)
        {
            return null;
        }

        string trimmed = value.Trim();
        if (trimmed.Length > maxChars)
        {
            throw ApiProblem.Invalid($"{field} has {trimmed.Length} characters; the limit is {maxChars}");
        }

        return trimmed.Length == 0 ? throw ApiProblem.Invalid($"{field} is empty") : trimmed;
    }
}
