using System.Text;
using System.Text.RegularExpressions;

namespace RecurrentGpt.Core.Parsing;

/// <summary>
/// Reads the line-marker form models fall back to ("**Plan 2:** …", "## Paragraph", "计划一：…"),
/// tolerating Markdown decoration, CRLF, full-width colons and code fences.
/// </summary>
internal static class MarkerSectionReader
{
    private static readonly Regex BulletOrNumber = new(
        @"^\s*(?:[-*•·]\s+|\(?\d{1,2}[.)、:：]\s*|[（(]\d{1,2}[)）]\s*|[\[【]\d{1,2}[\]】]\s*|[一二三四五六七八九十][、.．]\s*)",
        RegexOptions.CultureInvariant);

    // In a drop list, a number written with a colon ("2: …") or in the memory's own brackets ("[2] …") names the sentence.
    private static readonly Regex DropNumberBullet = new(@"^(?:\(?\d{1,2}[:：]|[\[【]\d{1,2}[\]】])$", RegexOptions.CultureInvariant);

    private static readonly Regex AdditionWithReason = new(
        @"^(?<text>.+?)\s*(?:[(（]\s*(?:reason|why|because|理由|原因)\s*[:：]\s*(?<reason>.+?)[)）]|\s[—–-]{1,2}\s*(?:reason|why|理由|原因)\s*[:：]\s*(?<reason>.+)|(?<=[.!?。！？”""’'][ \t]*)(?:reason|why|because|理由|原因)\s*[:：]\s*(?<reason>.+)|[|｜]\s*(?:reason\s*[:：]\s*|理由\s*[:：]\s*)?(?<reason>.+))\s*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly HashSet<string> NoneWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "none", "nothing", "n/a", "na", "-", "—", "[]", "(none)", "无", "没有", "无。", "（无）", "nil", "no changes", "none.",
    };

    public static SectionBag Read(string raw, IReadOnlyList<SectionSpec> specs)
    {
        Regex marker = BuildMarker(specs);
        var bag = new SectionBag();
        var sections = new List<(SectionSpec Spec, int? Number, StringBuilder Content)>();
        bool fence = false;
        bool before = false;
        foreach (string line in raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fence = true;
                continue;
            }

            Match match = marker.Match(line);
            if (match.Success && IsMarker(match, line))
            {
                SectionSpec spec = specs.First(s => s.Labels.Any(l => LabelMatches(l, match.Groups["label"].Value)));
                string numberText = match.Groups["num"].Success ? match.Groups["num"].Value : match.Groups["num2"].Value;
                int? number = numberText.Length > 0 ? NumberReader.First(numberText) : null;
                sections.Add((spec, number, new StringBuilder(Rest(match))));
            }
            else if (sections.Count > 0)
            {
                sections[^1].Content.Append('\n').Append(line);
            }
            else if (line.Trim().Length > 0)
            {
                before = true;
            }
        }

        if (sections.Count == 0)
        {
            return bag;
        }

        if (fence)
        {
            bag.Normalisations.Add("ignored the code fence around the sections");
        }

        if (before)
        {
            bag.Normalisations.Add("ignored the text before the first section");
        }

        foreach ((SectionSpec spec, int? number, StringBuilder content) in sections)
        {
            bool endsAtBlankLine = spec.EndsAtBlankLine || (number is not null && spec.Kind == SectionKind.List);
            string name = number is not null && spec.Kind == SectionKind.List ? $"{spec.ItemName} {number}" : spec.Key;
            Add(bag, spec, number, Clean(content.ToString(), endsAtBlankLine, name, bag.Normalisations));
        }

        return bag;
    }

    private static void Add(SectionBag bag, SectionSpec spec, int? number, string content)
    {
        switch (spec.Kind)
        {
            case SectionKind.Text:
            case SectionKind.Number:
                bag.AddValue(spec.Key, content);
                break;
            case SectionKind.List when number is not null:
                bag.AddItem(spec.Key, new ListItem(number, content, string.Empty));
                break;
            case SectionKind.Drops when number is not null:
                bag.OpenList(spec.Key, asBlock: false);
                bag.AddItem(spec.Key, new ListItem(number, string.Empty, StripSeparator(content)));
                break;
            default:
                bag.OpenList(spec.Key, asBlock: true);
                foreach (ListItem item in ReadBlock(spec, content, bag.Normalisations))
                {
                    bag.AddItem(spec.Key, item);
                }

                break;
        }
    }

    /// <summary>The items of a list written as one block of text: bulleted, numbered, or one per paragraph.</summary>
    internal static IReadOnlyList<ListItem> ReadBlock(SectionSpec spec, string content, List<string> notes) =>
        SplitItems(spec, content, notes).Select(item => ToItem(spec.Kind, item)).ToList();

    /// <summary>A word that stands for "no items" ("none", "无"), which a list holds instead of being empty.</summary>
    internal static bool IsNone(string text) => NoneWords.Contains(text.Trim().TrimEnd('.', '。'));

    private static ListItem ToItem(SectionKind kind, BlockItem block)
    {
        string item = block.Text;
        if (kind == SectionKind.Drops)
        {
            // "2: no longer needed" and "[2] no longer needed" give a sentence number and its reason, not a list number: keep the number.
            return ReadDrop(item, DropNumberBullet.IsMatch(block.Bullet) ? NumberReader.First(block.Bullet) : null);
        }

        if (kind == SectionKind.Additions)
        {
            Match match = AdditionWithReason.Match(item);
            return match.Success
                ? new ListItem(null, match.Groups["text"].Value.Trim(), match.Groups["reason"].Value.Trim())
                : new ListItem(null, item, string.Empty);
        }

        return new ListItem(null, item, string.Empty);
    }

    /// <summary>
    /// A drop written as text ("[2] no longer needed", "Sentence 3: …", "第二句：…"): the first number names the sentence
    /// and what follows it is the reason. Without a number the whole item is kept as the reason, so an error can quote it.
    /// </summary>
    internal static ListItem ReadDrop(string item, int? numberBefore = null)
    {
        if (numberBefore is not null)
        {
            return new ListItem(numberBefore, string.Empty, StripSeparator(item));
        }

        // The number is read out of the text, which may instead be the sentence itself, quoted: keep it to compare.
        return NumberReader.First(item, out int end) is int sentence
            ? new ListItem(sentence, string.Empty, StripSeparator(item[end..].TrimStart(']', '】', '）', ')', '句'))) { QuotableText = item }
            : new ListItem(null, string.Empty, StripSeparator(item)) { QuotableText = item };
    }

    /// <summary>One item of a block, with the bullet or list number that started it ("" when none did).</summary>
    private sealed record BlockItem(string Text, string Bullet);

    /// <summary>
    /// Items of a block: a bulleted or numbered line starts one, and so does a line after a blank one.
    /// In a bulleted list, unbulleted text is not an item of its own: an introduction ending in a colon
    /// ("Here are three directions:") and closing chatter after the last bullet are left out, and a paragraph
    /// between bullets continues the item before it.
    /// </summary>
    private static List<BlockItem> SplitItems(SectionSpec spec, string content, List<string> notes)
    {
        var found = new List<(StringBuilder Text, string Bullet)>();
        bool afterBlank = true;
        foreach (string line in content.Split('\n'))
        {
            if (line.Trim().Length == 0)
            {
                afterBlank = true;
                continue;
            }

            Match bullet = BulletOrNumber.Match(line);
            if (bullet.Success)
            {
                found.Add((new StringBuilder(line[bullet.Length..].Trim()), bullet.Value.Trim()));
            }
            else if (afterBlank || found.Count == 0)
            {
                found.Add((new StringBuilder(line.Trim()), string.Empty));
            }
            else
            {
                found[^1].Text.Append(' ').Append(line.Trim());
            }

            afterBlank = false;
        }

        int first = found.FindIndex(f => f.Bullet.Length > 0);
        int last = found.FindLastIndex(f => f.Bullet.Length > 0);
        var items = new List<BlockItem>();
        for (int i = 0; i < found.Count; i++)
        {
            string text = found[i].Text.ToString().Trim();
            if (first < 0 || found[i].Bullet.Length > 0 || (i < first && !text.EndsWith(':') && !text.EndsWith('：')))
            {
                items.Add(new BlockItem(text, found[i].Bullet));
            }
            else if (i > first && i < last)
            {
                items[^1] = items[^1] with { Text = items[^1].Text + " " + text };
            }
            else if (text.Length > 0)
            {
                notes.Add(i < first ? $"ignored the line introducing the {spec.Key} list" : $"ignored the text after the {spec.Key} list");
            }
        }

        return items.Where(i => i.Text.Length > 0 && !IsNone(i.Text)).ToList();
    }

    private static string StripSeparator(string text) => text.Trim().TrimStart(':', '：', '-', '—', '–', '.', ',', '，', '、', ')').Trim();

    /// <summary>Trims the section and, for short sections, cuts at the first blank line so trailing chatter is not taken in.</summary>
    private static string Clean(string content, bool endsAtBlankLine, string name, List<string> notes)
    {
        string trimmed = content.Trim('\n', ' ', '\t');
        if (endsAtBlankLine)
        {
            int blank = trimmed.IndexOf("\n\n", StringComparison.Ordinal);
            if (blank < 0)
            {
                blank = Regex.Match(trimmed, @"\n[ \t]*\n").Index is int i and > 0 ? i : -1;
            }

            if (blank > 0)
            {
                notes.Add($"ignored the text after the blank line that ends {name}");
                trimmed = trimmed[..blank];
            }
        }

        return StripEmphasis(trimmed.Trim());
    }

    // A value wrapped whole in emphasis ("**2**") is read without it.
    private static string StripEmphasis(string text)
    {
        foreach (string wrap in new[] { "**", "__", "*", "_" })
        {
            if (text.Length > wrap.Length * 2 && text.StartsWith(wrap, StringComparison.Ordinal) && text.EndsWith(wrap, StringComparison.Ordinal)
                && !text[wrap.Length..^wrap.Length].Contains(wrap, StringComparison.Ordinal))
            {
                return text[wrap.Length..^wrap.Length].Trim();
            }
        }

        return text;
    }

    private static bool IsMarker(Match match, string line)
    {
        if (match.Groups["colon"].Success)
        {
            return true;
        }

        bool heading = line.TrimStart().StartsWith('#');
        bool wrapped = match.Groups["open"].Success && (match.Groups["close1"].Success || match.Groups["close2"].Success);

        // A dash stands for the colon only where the line is plainly a label ("### Plan 1 — …", "Plan 2 – …"),
        // so prose that happens to start with a label word and a dash is not cut up.
        if (match.Groups["dash"].Success)
        {
            return heading || wrapped || match.Groups["num"].Success || match.Groups["num2"].Success;
        }

        // "【计划2】林舟……": a label in lenticular brackets is a marker even with the text on its line.
        if (match.Groups["open"].Value == "【" && (match.Groups["close1"].Value == "】" || match.Groups["close2"].Value == "】"))
        {
            return true;
        }

        // Otherwise, without a colon, only a heading, a line in bold or a bracketed label alone on its line counts.
        return (heading || wrapped) && match.Groups["rest"].Value.Trim().Length == 0;
    }

    /// <summary>The text after the marker; "**Title: The Salt Road**" wraps label and value in one pair, whose closer is not text.</summary>
    private static string Rest(Match match)
    {
        string rest = match.Groups["rest"].Value.Trim();
        Group open = match.Groups["open"];
        if (open.Success && !match.Groups["close1"].Success && !match.Groups["close2"].Success)
        {
            string closer = open.Value switch
            {
                "【" => "】",
                "[" => "]",
                _ => open.Value,
            };
            if (rest.EndsWith(closer, StringComparison.Ordinal))
            {
                rest = rest[..^closer.Length].TrimEnd();
            }
        }

        return rest;
    }

    private static Regex BuildMarker(IReadOnlyList<SectionSpec> specs)
    {
        IEnumerable<string> labels = specs.SelectMany(s => s.Labels)
            .OrderByDescending(l => l.Length)
            .Select(LabelPattern);
        const string open = @"\*\*|__|\*|_|【|\[";
        const string close = @"\*\*|__|\*|_|】|\]";
        string pattern =
            @"^[ \t]*(?:#{1,6}[ \t]*)?(?:[-*•][ \t]+)?(?<open>" + open + @")?[ \t]*(?<label>" + string.Join("|", labels) + @")(?![A-Za-z])" +
            @"[ \t]*(?:#?(?<num>\d{1,2}|[一二三四五六七八九十])|[(（](?<num2>\d{1,2})[)）])?[ \t]*(?<close1>" + close + @")?[ \t]*" +
            @"(?:(?<colon>[:：])|(?<dash>[—–]{1,2}|-{1,2}(?=[ \t])))?[ \t]*(?<close2>" + close + @")?[ \t]*(?<rest>.*)$";
        return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    private static string LabelPattern(string label) =>
        string.Join(@"[ \t_-]*", label.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape));

    private static bool LabelMatches(string label, string found) =>
        Regex.IsMatch(found, "^" + LabelPattern(label) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
