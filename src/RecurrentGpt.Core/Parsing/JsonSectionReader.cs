using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RecurrentGpt.Core.Parsing;

/// <summary>
/// Reads the sections of the JSON form into a <see cref="SectionBag"/>, noting every way the object strays from the
/// published schema that it still reads (a key's spelling, an extra key, a list given as text, a number as a string).
/// </summary>
internal static class JsonSectionReader
{
    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 16 };

    private static readonly JsonDocumentOptions Lenient = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    public static bool TryRead(string json, IReadOnlyList<SectionSpec> specs, SectionBag bag, out string? problem)
    {
        problem = null;
        JsonDocument? document = TryParse(json, Strict, out _);
        if (document is null)
        {
            document = TryParse(json, Lenient, out JsonException? error);
            if (document is null)
            {
                long line = error!.LineNumber ?? 0;
                problem = $"the JSON object is not valid JSON (line {line + 1}, position {CharPosition(json, line, error.BytePositionInLine ?? 0) + 1})";
                return false;
            }

            bag.Normalisations.Add("the JSON had trailing commas or comments; read it leniently");
        }

        using (document)
        {
            var trimmed = new List<string>();
            foreach (JsonProperty property in Sections(document.RootElement, specs, bag.Normalisations).EnumerateObject())
            {
                SectionSpec? spec = Match(property.Name, specs);
                if (spec is null)
                {
                    bag.Normalisations.Add($"ignored the unexpected key \"{SectionBag.Shorten(property.Name)}\"");
                    continue;
                }

                if (property.Name != spec.Key)
                {
                    bag.Normalisations.Add($"read the key \"{SectionBag.Shorten(property.Name)}\" as {spec.Key}");
                }

                Read(spec, property.Value, bag, trimmed);
            }

            if (trimmed.Count > 0)
            {
                bag.Normalisations.Add($"trimmed white space around {string.Join(", ", trimmed)}");
            }
        }

        return true;
    }

    private static JsonDocument? TryParse(string json, JsonDocumentOptions options, out JsonException? error)
    {
        error = null;
        try
        {
            return JsonDocument.Parse(json, options);
        }
        catch (JsonException ex)
        {
            error = ex;
            return null;
        }
    }

    // Some models wrap the reply in one object named after the schema ({"story_step": {...}}): read the inner one.
    private static JsonElement Sections(JsonElement root, IReadOnlyList<SectionSpec> specs, List<string> notes)
    {
        if (root.EnumerateObject().Any(p => Match(p.Name, specs) is not null))
        {
            return root;
        }

        List<JsonProperty> properties = root.EnumerateObject().ToList();
        if (properties is [{ Value.ValueKind: JsonValueKind.Object } only])
        {
            notes.Add($"read the sections inside the wrapping object \"{SectionBag.Shorten(only.Name)}\"");
            return only.Value;
        }

        return root;
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

    private static void Read(SectionSpec spec, JsonElement value, SectionBag bag, List<string> trimmed)
    {
        List<string> notes = bag.Normalisations;
        switch (spec.Kind)
        {
            case SectionKind.Text:
            case SectionKind.Number:
                if (spec.Kind == SectionKind.Number && value.ValueKind == JsonValueKind.String)
                {
                    notes.Add($"{spec.Key} was given as text, not a number");
                }
                else if (spec.Kind == SectionKind.Text && value.ValueKind == JsonValueKind.Array)
                {
                    notes.Add($"{spec.Key} was a list; joined its {value.GetArrayLength()} items");
                }

                string scalar = Scalar(value);
                NoteTrim(scalar, spec.Key, trimmed);
                bag.AddValue(spec.Key, scalar);
                break;
            default:
                bag.OpenList(spec.Key, asBlock: true);
                switch (value.ValueKind)
                {
                    case JsonValueKind.Array:
                        int index = 0;
                        foreach (JsonElement item in value.EnumerateArray())
                        {
                            bag.AddItem(spec.Key, Item(spec, item, ++index, notes, trimmed));
                        }

                        break;
                    case JsonValueKind.String:
                        ReadListText(spec, value.GetString() ?? string.Empty, bag);
                        break;
                    case JsonValueKind.Null:
                        notes.Add($"{spec.Key} was null instead of a list; read as empty");
                        break;
                    default:
                        notes.Add($"{spec.Key} was one value, not a list; read it as one item");
                        bag.AddItem(spec.Key, Item(spec, value, 1, notes, trimmed));
                        break;
                }

                break;
        }
    }

    /// <summary>A list given as one string: "none" for no items, or the items written out as a marker block would be.</summary>
    private static void ReadListText(SectionSpec spec, string text, SectionBag bag)
    {
        if (text.Trim().Length == 0 || MarkerSectionReader.IsNone(text))
        {
            bag.Normalisations.Add($"{spec.Key} was \"{SectionBag.Shorten(text.Trim())}\" instead of a list; read as empty");
            return;
        }

        IReadOnlyList<ListItem> items = MarkerSectionReader.ReadBlock(spec, text, bag.Normalisations);
        bag.Normalisations.Add(items.Count == 1
            ? $"{spec.Key} was one text, not a list; read it as one item"
            : $"{spec.Key} was one text, not a list; split it into {items.Count} items");
        foreach (ListItem item in items)
        {
            bag.AddItem(spec.Key, spec.Kind == SectionKind.Drops ? item with { NumberWasJsonText = item.Number is not null } : item);
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
    private static ListItem Item(SectionSpec spec, JsonElement item, int index, List<string> notes, List<string> trimmed)
    {
        switch (item.ValueKind)
        {
            case JsonValueKind.Number when spec.Kind == SectionKind.Drops:
                return new ListItem(WholeNumber(item, spec, notes), string.Empty, string.Empty) { QuotableText = item.GetRawText() };
            case JsonValueKind.Object:
                int? number = null;
                string text = string.Empty;
                string reason = string.Empty;
                string quotable = string.Empty;
                bool numberWasText = false;
                foreach (JsonProperty property in item.EnumerateObject())
                {
                    string name = property.Name.ToLowerInvariant();
                    if (spec.Kind != SectionKind.Additions && name is "sentence" or "number" or "index" or "id")
                    {
                        if (property.Value.ValueKind == JsonValueKind.Number)
                        {
                            number = WholeNumber(property.Value, spec, notes);
                        }
                        else
                        {
                            quotable = Scalar(property.Value).Trim();
                            number = NumberReader.First(quotable);
                            numberWasText = number is not null;
                        }
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

                if (spec.Kind != SectionKind.Drops)
                {
                    NoteTrim(text, $"{spec.ItemName} {index}", trimmed);
                }

                return new ListItem(number, text.Trim(), reason.Trim()) { QuotableText = quotable, NumberWasJsonText = numberWasText };
            default:
                string raw = Scalar(item);
                string scalar = raw.Trim();
                if (spec.Kind == SectionKind.Drops)
                {
                    ListItem drop = MarkerSectionReader.ReadDrop(scalar);
                    return drop with { NumberWasJsonText = drop.Number is not null };
                }

                NoteTrim(raw, $"{spec.ItemName} {index}", trimmed);
                return new ListItem(null, scalar, string.Empty);
        }
    }

    /// <summary>A sentence or item number; 2.0 is read as 2 (and noted), 2.5 names none.</summary>
    private static int? WholeNumber(JsonElement value, SectionSpec spec, List<string> notes)
    {
        if (value.TryGetInt32(out int whole))
        {
            return whole;
        }

        if (value.TryGetDouble(out double real) && real == Math.Floor(real) && Math.Abs(real) < int.MaxValue)
        {
            string read = ((int)real).ToString(CultureInfo.InvariantCulture);
            notes.Add(spec.Kind == SectionKind.Drops
                ? $"memory_drop gave sentence {read} as {value.GetRawText()}; read as {read}"
                : $"{spec.Key} gave the number {value.GetRawText()}; read as {read}");
            return (int)real;
        }

        return null;
    }

    // Surrounding white space in a JSON string is the model's slip (a marker form's layout is not): trim it and say so.
    private static void NoteTrim(string value, string name, List<string> trimmed)
    {
        if (value.Trim().Length > 0 && value.Length != value.Trim().Length)
        {
            trimmed.Add(name);
        }
    }
}
