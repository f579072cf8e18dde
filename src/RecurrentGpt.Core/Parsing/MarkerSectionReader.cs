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
        @"^\s*(?:[-*•·]\s+|\(?\d{1,2}[.)、:：]\s*|[（(]\d{1,2}[)）]\s*|[一二三四五六七八九十][、.．]\s*)",
        RegexOptions.CultureInvariant);

    private static readonly Regex AdditionWithReason = new(
        @"^(?<text>.+?)\s*(?:[(（]\s*(?:reason|why|because|理由|原因)\s*[:：]\s*(?<reason>.+?)[)）]|\s[—–-]{1,2}\s*(?:reason|why|理由|原因)\s*[:：]\s*(?<reason>.+)|[|｜]\s*(?:reason\s*[:：]\s*|理由\s*[:：]\s*)?(?<reason>.+))\s*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly HashSet<string> NoneWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "none", "nothing", "n/a", "na", "-", "—", "[]", "(none)", "无", "没有", "无。", "（无）", "nil", "no changes", "none.",
    };

    public static SectionBag Read(string raw, IReadOnlyList<SectionSpec> specs)
    {
        Regex marker = BuildMarker(specs);
        var sections = new List<(SectionSpec Spec, int? Number, StringBuilder Content)>();
        foreach (string line in raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            Match match = marker.Match(line);
            if (match.Success && IsMarker(match, line))
            {
                SectionSpec spec = specs.First(s => s.Labels.Any(l => LabelMatches(l, match.Groups["label"].Value)));
                string numberText = match.Groups["num"].Success ? match.Groups["num"].Value : match.Groups["num2"].Value;
                int? number = numberText.Length > 0 ? NumberReader.First(numberText) : null;
                sections.Add((spec, number, new StringBuilder(match.Groups["rest"].Value.Trim())));
            }
            else if (sections.Count > 0)
            {
                sections[^1].Content.Append('\n').Append(line);
            }
        }

        var bag = new SectionBag();
        foreach ((SectionSpec spec, int? number, StringBuilder content) in sections)
        {
            Add(bag, spec, number, Clean(content.ToString(), spec.EndsAtBlankLine || (number is not null && spec.Kind == SectionKind.List)));
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
                foreach (string item in SplitItems(content))
                {
                    bag.AddItem(spec.Key, ToItem(spec.Kind, item));
                }

                break;
        }
    }

    private static ListItem ToItem(SectionKind kind, string item)
    {
        if (kind == SectionKind.Drops)
        {
            int? sentence = NumberReader.First(item);
            int digitsEnd = 0;
            while (digitsEnd < item.Length && !char.IsDigit(item[digitsEnd]))
            {
                digitsEnd++;
            }

            while (digitsEnd < item.Length && char.IsDigit(item[digitsEnd]))
            {
                digitsEnd++;
            }

            string reason = StripSeparator(item[Math.Min(digitsEnd, item.Length)..].TrimStart(']', '）', ')', '句'));
            return new ListItem(sentence, string.Empty, reason);
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

    /// <summary>Items of a block: a bulleted or numbered line starts one, and so does a line after a blank one.</summary>
    private static List<string> SplitItems(string content)
    {
        var items = new List<string>();
        var current = new StringBuilder();
        bool afterBlank = true;
        foreach (string line in content.Split('\n'))
        {
            if (line.Trim().Length == 0)
            {
                afterBlank = true;
                continue;
            }

            Match bullet = BulletOrNumber.Match(line);
            if (bullet.Success || afterBlank)
            {
                Flush(current, items);
                current.Append(bullet.Success ? line[bullet.Length..].Trim() : line.Trim());
            }
            else
            {
                current.Append(' ').Append(line.Trim());
            }

            afterBlank = false;
        }

        Flush(current, items);
        return items.Where(i => !NoneWords.Contains(i.Trim().TrimEnd('.', '。'))).ToList();
    }

    private static void Flush(StringBuilder current, List<string> items)
    {
        if (current.Length > 0)
        {
            items.Add(current.ToString().Trim());
            current.Clear();
        }
    }

    private static string StripSeparator(string text) => text.Trim().TrimStart(':', '：', '-', '—', '–', '.', ',', '，', '、', ')').Trim();

    /// <summary>Trims the section and, for short sections, cuts at the first blank line so trailing chatter is not taken in.</summary>
    private static string Clean(string content, bool endsAtBlankLine)
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

        // Without a colon, only a heading, a line in bold or a 【bracketed】 label alone on its line counts.
        bool heading = line.TrimStart().StartsWith('#');
        bool wrapped = match.Groups["open"].Success && (match.Groups["close1"].Success || match.Groups["close2"].Success);
        return (heading || wrapped) && match.Groups["rest"].Value.Trim().Length == 0;
    }

    private static Regex BuildMarker(IReadOnlyList<SectionSpec> specs)
    {
        IEnumerable<string> labels = specs.SelectMany(s => s.Labels)
            .OrderByDescending(l => l.Length)
            .Select(LabelPattern);
        string pattern =
            @"^[ \t]*(?:#{1,6}[ \t]*)?(?:[-*•][ \t]+)?(?<open>\*\*|__|【|\[)?[ \t]*(?<label>" + string.Join("|", labels) + @")(?![A-Za-z])" +
            @"[ \t]*(?:#?(?<num>\d{1,2}|[一二三四五六七八九十])|[(（](?<num2>\d{1,2})[)）])?[ \t]*(?<close1>\*\*|__|】|\])?[ \t]*" +
            @"(?<colon>[:：])?[ \t]*(?<close2>\*\*|__|】|\])?[ \t]*(?<rest>.*)$";
        return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    private static string LabelPattern(string label) =>
        string.Join(@"[ \t_-]*", label.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape));

    private static bool LabelMatches(string label, string found) =>
        Regex.IsMatch(found, "^" + LabelPattern(label) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
