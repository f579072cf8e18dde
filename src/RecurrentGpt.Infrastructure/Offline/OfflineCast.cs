using System.Text.RegularExpressions;

namespace RecurrentGpt.Infrastructure.Offline;

/// <summary>
/// The people and places the offline writer writes about: taken from the material it is given (names in the
/// premise, memory and plan), so the data flow is visible, and filled from fixed lists where the material has none.
/// </summary>
internal sealed partial class OfflineCast
{
    private static readonly string[] EnglishNames = ["Mara Venn", "Tomas Reyes", "Ada Quill", "Jonah Pike", "Iris Calder", "Felix Mora", "Nell Archer", "Owen Hale"];
    private static readonly string[] ChineseNames = ["林舟", "沈青", "顾远", "苏晚", "陆川", "叶知秋", "唐宁", "许默"];

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "They", "It", "I", "We", "You", "His", "Her", "Their", "Its", "Our", "My", "Your",
        "In", "On", "At", "When", "Then", "But", "And", "Or", "If", "As", "So", "Yet", "For", "With", "Without", "After", "Before",
        "Plan", "Title", "Genre", "Topic", "Description", "Outline", "Somewhere", "Nobody", "Everyone", "Nothing", "What", "Where",
        "Who", "Why", "How", "This", "That", "These", "Those", "There", "Here", "Once", "Now", "Still", "Only", "Even", "By", "From",
        "Into", "Of", "To", "Up", "Out", "No", "Not", "Yes", "Later", "Soon", "Every", "Each", "Some", "All", "One", "Two", "Three",
    };

    public OfflineCast(string material, bool chinese, uint seed)
    {
        var found = chinese ? FindChineseNames(material) : FindEnglishNames(material);
        string[] pool = chinese ? ChineseNames : EnglishNames;
        var names = new List<string>(found);
        for (int i = 0; names.Count < 3; i++)
        {
            string candidate = pool[(int)((seed + (uint)i) % (uint)pool.Length)];
            if (!names.Contains(candidate))
            {
                names.Add(candidate);
            }
        }

        Lead = names[0];
        Second = names[1];
        Third = names[2];
    }

    public string Lead { get; }

    public string Second { get; }

    public string Third { get; }

    /// <summary>First name only, as prose uses it after the first mention.</summary>
    public static string Short(string name) => name.Contains(' ', StringComparison.Ordinal) ? name[..name.IndexOf(' ', StringComparison.Ordinal)] : name;

    // Capitalised words that do not start a sentence, most frequent first.
    private static List<string> FindEnglishNames(string material) =>
        EnglishName().Matches(material)
            .Select(m => m.Groups["name"].Value)
            .Where(n => !NotNames.Contains(n.Split(' ')[0]))
            .GroupBy(n => n, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => material.IndexOf(g.Key, StringComparison.Ordinal))
            .Select(g => g.Key)
            .Take(3)
            .ToList();

    private static List<string> FindChineseNames(string material) =>
        ChineseNames.Where(n => material.Contains(n, StringComparison.Ordinal))
            .Concat(ChineseNamed().Matches(material).Select(m => m.Groups["name"].Value))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => material.IndexOf(n, StringComparison.Ordinal))
            .Take(3)
            .ToList();

    [GeneratedRegex(@"(?<=[a-z,;:'’""]\s)(?<name>[A-Z][a-z]{2,}(?:\s[A-Z][a-z]{2,})?)")]
    private static partial Regex EnglishName();

    [GeneratedRegex(@"(?:名叫|叫做|名为)(?<name>[\u4e00-\u9fff]{2,3})")]
    private static partial Regex ChineseNamed();
}
