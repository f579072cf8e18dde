using System.Text.Json;

namespace RecurrentGpt.Core.Parsing;

/// <summary>Reads the sections of the JSON form into a <see cref="SectionBag"/>.</summary>
internal static class JsonSectionReader
{
    private static readonly JsonDocumentOptions Lenient = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    public static bool TryRead(string json, IReadOnlyList<SectionSpec> specs, SectionBag bag, out string? problem)
    {
        problem = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Lenient);
        }
        catch (JsonException ex)
        {
            problem = $"the JSON object is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1})";
            return false;
        }

        using (document)
        {
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                SectionSpec? spec = Match(property.Name, specs);
                if (spec is not null)
                {
                    Read(spec, property.Value, bag);
                }
            }
        }

        return true;
    }

    private static SectionSpec? Match(string name, IReadOnlyList<SectionSpec> specs)
    {
        string key = name.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        return specs.FirstOrDefault(s => s.Key == key);
    }

    private static void Read(SectionSpec spec, JsonElement value, SectionBag bag)
    {
        switch (spec.Kind)
        {
            case SectionKind.Text:
            case SectionKind.Number:
                bag.AddValue(spec.Key, Scalar(value));
                break;
            default:
                bag.OpenList(spec.Key, asBlock: true);
                if (value.ValueKind == JsonValueKind.Array)
                {
                    foreach (JsonElement item in value.EnumerateArray())
                    {
                        bag.AddItem(spec.Key, Item(item, spec.Kind));
                    }
                }
                else if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
                {
                    bag.AddItem(spec.Key, Item(value, spec.Kind));
                }

                break;
        }
    }

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Null => string.Empty,
        JsonValueKind.Array => string.Join("\n", value.EnumerateArray().Select(Scalar)),
        _ => value.GetRawText(),
    };

    /// <summary>An item is text, a number (a sentence to drop), or an object with text/sentence and reason.</summary>
    private static ListItem Item(JsonElement item, SectionKind kind)
    {
        switch (item.ValueKind)
        {
            case JsonValueKind.Number when kind == SectionKind.Drops:
                return new ListItem(item.TryGetInt32(out int n) ? n : null, string.Empty, string.Empty);
            case JsonValueKind.Object:
                int? number = null;
                string text = string.Empty;
                string reason = string.Empty;
                foreach (JsonProperty property in item.EnumerateObject())
                {
                    string name = property.Name.ToLowerInvariant();
                    if (kind != SectionKind.Additions && name is "sentence" or "number" or "index" or "id")
                    {
                        number = property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out int s)
                            ? s
                            : NumberReader.First(Scalar(property.Value));
                    }
                    else if (name is "reason" or "why" or "rationale")
                    {
                        reason = Scalar(property.Value);
                    }
                    else if (name is "text" or "plan" or "sentence_text" or "content" or "description" or "memory" || text.Length == 0)
                    {
                        text = Scalar(property.Value);
                    }
                }

                return new ListItem(number, text.Trim(), reason.Trim());
            default:
                string scalar = Scalar(item).Trim();
                return kind == SectionKind.Drops
                    ? new ListItem(NumberReader.First(scalar), string.Empty, string.Empty)
                    : new ListItem(null, scalar, string.Empty);
        }
    }
}
