using System.Text;

namespace RecurrentGpt.Core.Parsing;

/// <summary>
/// Makes a list of plans or paragraphs usable: in the order its markers number it, without empty or repeated items,
/// without extras past the count asked for, and says which of those it did. Too few items left is the one thing it
/// cannot tidy: that meaning is missing.
/// </summary>
internal static class ListTidier
{
    /// <param name="count">The number of items asked for: exactly that many when <paramref name="exactly"/>, else at least.</param>
    public static TidiedList? Tidy(SectionSpec spec, IReadOnlyList<ListItem> items, int count, bool exactly, List<string> notes, List<string> problems)
    {
        string plural = Plural(spec.ItemName);
        IReadOnlyList<ListItem> ordered = Order(spec, items, notes, out bool byNumber);
        var kept = new List<string>();
        var keptAt = new int?[ordered.Count];
        var gone = new string?[ordered.Count];
        var firstWithKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var setAside = new List<string>();
        for (int i = 0; i < ordered.Count; i++)
        {
            string text = ordered[i].Text.Trim();
            if (text.Length == 0)
            {
                string empty = $"{spec.ItemName} {Label(ordered, i, byNumber)} was empty";
                setAside.Add(empty);
                notes.Add(empty + "; dropped it");
                gone[i] = "empty";
                continue;
            }

            if (firstWithKey.TryGetValue(SameKey(text), out int first))
            {
                string same = $"{plural} {Label(ordered, first, byNumber)} and {Label(ordered, i, byNumber)} were the same";
                setAside.Add(same);
                notes.Add($"{same}; kept {spec.ItemName} {Label(ordered, first, byNumber)}");
                keptAt[i] = keptAt[first];
                continue;
            }

            firstWithKey[SameKey(text)] = i;
            keptAt[i] = kept.Count;
            kept.Add(text);
        }

        if (kept.Count < count)
        {
            string why = setAside.Count > 0 ? $" ({string.Join(", ", setAside)})" : string.Empty;
            problems.Add($"expected {(exactly ? "exactly" : "at least")} {count} {(count == 1 ? spec.ItemName : plural)}, found {kept.Count}{why}");
            return null;
        }

        if (exactly && kept.Count > count)
        {
            notes.Add(setAside.Count == 0
                ? $"{items.Count} {plural} returned; kept the first {count}"
                : $"{kept.Count} {plural} left; kept the first {count}");
            for (int i = 0; i < ordered.Count; i++)
            {
                if (keptAt[i] >= count)
                {
                    keptAt[i] = null;
                    gone[i] = "cut";
                }
            }

            kept.RemoveRange(count, kept.Count - count);
        }

        return new TidiedList(kept, ordered, byNumber, keptAt, gone);
    }

    internal static string Plural(string itemName) => itemName + "s";

    /// <summary>
    /// Items numbered by their markers ("Plan 3:") are read in number order. A number given twice, or items only
    /// partly numbered, leave the order the output wrote them in as the only reading.
    /// </summary>
    private static IReadOnlyList<ListItem> Order(SectionSpec spec, IReadOnlyList<ListItem> items, List<string> notes, out bool byNumber)
    {
        byNumber = false;
        List<int> numbers = items.Where(i => i.Number is not null).Select(i => i.Number!.Value).ToList();
        if (numbers.Count == 0)
        {
            return items;
        }

        foreach (IGrouping<int, int> repeated in numbers.GroupBy(n => n).Where(g => g.Count() > 1))
        {
            notes.Add($"{spec.ItemName} {repeated.Key} was numbered {SectionBag.Times(repeated.Count())}; read the {Plural(spec.ItemName)} in the order given");
        }

        if (numbers.Count < items.Count || numbers.Distinct().Count() < numbers.Count)
        {
            return items;
        }

        byNumber = true;
        List<ListItem> sorted = items.OrderBy(i => i.Number).ToList();
        if (!sorted.Select(i => i.Number!.Value).SequenceEqual(Enumerable.Range(1, sorted.Count)))
        {
            notes.Add($"{Plural(spec.ItemName)} were numbered {string.Join(", ", sorted.Select(i => i.Number))}; read them in that order");
        }

        return sorted;
    }

    private static string Label(IReadOnlyList<ListItem> ordered, int position, bool byNumber) =>
        (byNumber ? ordered[position].Number!.Value : position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Two items are the same when they differ only in case, spacing or punctuation.</summary>
    internal static string SameKey(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                key.Append(Rune.ToLowerInvariant(rune).ToString());
            }
        }

        return key.ToString();
    }
}
