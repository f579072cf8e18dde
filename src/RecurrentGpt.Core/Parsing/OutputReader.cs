namespace RecurrentGpt.Core.Parsing;

/// <summary>Reads a model output in JSON form, or in line-marker form when no usable JSON object is there.</summary>
internal static class OutputReader
{
    public static SectionBag? Read(string? raw, IReadOnlyList<SectionSpec> specs, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            problems.Add("the output is empty");
            return null;
        }

        string? jsonProblem = null;
        switch (JsonObjectLocator.Locate(raw, out string json))
        {
            case JsonObjectLocator.Outcome.Found:
                var jsonBag = new SectionBag();
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
            return markers;
        }

        problems.Add(jsonProblem ?? "no sections found: expected a JSON object or marked sections");
        return null;
    }
}
