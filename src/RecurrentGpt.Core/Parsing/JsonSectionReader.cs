using System.Text;
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
            long line = ex.LineNumber ?? 0;
            problem = $"the JSON object is not valid JSON (line {line + 1}, position {CharPosition(json, line, ex.BytePositionInLine ?? 0) + 1})";
            return false;
        }

        using (document)
        {
            foreach (JsonProperty property in Sections(document.RootElement, specs).EnumerateObject())
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

    // Some models wrap the reply in one object named after the schema ({"story_step": {...}}): read the inner one.
    private static JsonElement Sections(JsonElement root, IReadOnlyList<SectionSpec> specs)
    {
        if (root.EnumerateObject().Any(p => Match(p.Name, specs) is not null))
        {
            return root;
        }

        List<JsonProperty> properties = root.EnumerateObject().ToList();
        return properties is [{ Value.ValueKind: JsonValueKind.Object } only] ? only.Value : root;
    }

    // The parser reports positions in UTF-8 bytes; in Chinese text that is about three times the character count.
    private static long CharPosition(string json, long line, long bytePosition)
    {
        string[] lines = json.Split('\n');
        if (line < 0 || line >= lines.Length)
        {
            return bytePosition;
        }

        byte[] bytes = Encoding.UTF8.GetBytes(lines[line]);
        return Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(bytePosition, bytes.Length));
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
                return kind == SectionKind.Drops ? MarkerSectionReader.ReadDrop(scalar) : new ListItem(null, scalar, string.Empty);
        }
    }
}
