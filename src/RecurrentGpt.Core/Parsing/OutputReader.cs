using System.Text.RegularExpressions;

namespace RecurrentGpt.Core.Parsing;

/// <summary>Reads a model output in JSON form, or in line-marker form when no usable JSON object is there.</summary>
internal static partial class OutputReader
{
    public static SectionBag? Read(string? raw, IReadOnlyList<SectionSpec> specs, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            problems.Add("the output is empty");
            return null;
        }

        string? jsonProblem = null;
        switch (JsonObjectLocator.Locate(raw, out string json, out int start))
        {
            case JsonObjectLocator.Outcome.Found:
                var jsonBag = new SectionBag();
                NoteSurroundings(raw[..start], raw[(start + json.Length)..], jsonBag.Normalisations);
                if (JsonSectionReader.TryRead(json, specs, jsonBag, out jsonProblem) && !jsonBag.IsEmpty)
                {
                    return jsonBag;
                }

                jsonProblem ??= "the JSON object has none of the expected sections";
                break;
            case JsonObjectLocator.Outcome.CutOff:
                jsonProblem = "the output ends before its JSON object is closed";
                break;
        }

        SectionBag markers = MarkerSectionReader.Read(raw, specs);
        if (!markers.IsEmpty)
        {
            if (jsonProblem is not null)
            {
                markers.Normalisations.Insert(0, $"read the marked sections, as {jsonProblem}");
            }

            return markers;
        }

        problems.Add(jsonProblem ?? "no sections found: expected a JSON object or marked sections");
        return null;
    }

    /// <summary>A fence (```json) or prose around the object is not part of the answer: it is left out, and that is said.</summary>
    private static void NoteSurroundings(string before, string after, List<string> notes)
    {
        (bool fenceBefore, bool proseBefore) = Surrounding(before);
        (bool fenceAfter, bool proseAfter) = Surrounding(after);
        if (fenceBefore || fenceAfter)
        {
            notes.Add("the JSON object was inside a code fence; read inside it");
        }

        if (proseBefore)
        {
            notes.Add("ignored the text before the JSON object");
        }

        if (proseAfter)
        {
            notes.Add("ignored the text after the JSON object");
        }
    }

    private static (bool Fence, bool Prose) Surrounding(string text)
    {
        bool fence = Fence().IsMatch(text);
        return (fence, Fence().Replace(text, string.Empty).Trim().Length > 0);
    }

    [GeneratedRegex(@"```[A-Za-z0-9_+-]*")]
    private static partial Regex Fence();
}
