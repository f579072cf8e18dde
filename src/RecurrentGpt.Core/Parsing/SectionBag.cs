namespace RecurrentGpt.Core.Parsing;

/// <summary>
/// The sections found in one model output, whichever form it came in (JSON or line markers),
/// with every occurrence kept so that duplicates and gaps can be reported instead of silently resolved.
/// </summary>
internal sealed class SectionBag
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ListItem>> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _listOccurrences = new(StringComparer.Ordinal);

    public List<string> Problems { get; } = [];

    public void AddValue(string key, string value)
    {
        if (!_values.TryGetValue(key, out List<string>? list))
        {
            _values[key] = list = [];
        }

        list.Add(value);
    }

    /// <summary>Marks that a list section appeared (even empty), and how often as a whole block.</summary>
    public void OpenList(string key, bool asBlock)
    {
        if (!_items.ContainsKey(key))
        {
            _items[key] = [];
        }

        if (asBlock)
        {
            _listOccurrences[key] = _listOccurrences.GetValueOrDefault(key) + 1;
        }
    }

    public void AddItem(string key, ListItem item)
    {
        OpenList(key, asBlock: false);
        _items[key].Add(item);
    }

    public bool Has(string key) => _values.ContainsKey(key) || _items.ContainsKey(key);

    public bool IsEmpty => _values.Count == 0 && _items.Count == 0;

    public string? Text(SectionSpec spec, List<string> problems, bool allowEmpty = false)
    {
        if (!_values.TryGetValue(spec.Key, out List<string>? values))
        {
            if (spec.Required)
            {
                problems.Add($"missing section: {spec.Key}");
            }

            return null;
        }

        if (values.Count > 1)
        {
            problems.Add($"duplicate section: {spec.Key}");
            return null;
        }

        string value = values[0].Trim();
        if (value.Length == 0 && !allowEmpty)
        {
            problems.Add($"empty section: {spec.Key}");
            return null;
        }

        return value;
    }

    public int? Number(SectionSpec spec, int min, int max, List<string> problems)
    {
        string? text = Text(spec, problems);
        if (text is null)
        {
            return null;
        }

        int? number = NumberReader.First(text);
        if (number is null || number < min || number > max)
        {
            problems.Add($"{spec.Key} must be a number from {min} to {max}, got \"{Shorten(text)}\"");
            return null;
        }

        return number;
    }

    /// <summary>
    /// The items of a list section. <paramref name="exactCount"/> demands that many (numbered markers must then be 1..n);
    /// otherwise at least <paramref name="minCount"/>.
    /// </summary>
    public IReadOnlyList<ListItem>? Items(SectionSpec spec, List<string> problems, int? exactCount = null, int minCount = 0)
    {
        if (!_items.TryGetValue(spec.Key, out List<ListItem>? items))
        {
            if (spec.Required)
            {
                problems.Add($"missing section: {spec.Key}");
            }

            return null;
        }

        if (_listOccurrences.GetValueOrDefault(spec.Key) > 1)
        {
            problems.Add($"duplicate section: {spec.Key}");
            return null;
        }

        int before = problems.Count;
        var numbers = new HashSet<int>();
        foreach (ListItem item in items.Where(i => i.Number is not null && spec.Kind == SectionKind.List))
        {
            if (!numbers.Add(item.Number!.Value))
            {
                problems.Add($"duplicate section: {spec.ItemName} {item.Number}");
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        if (spec.Kind == SectionKind.List)
        {
            for (int i = 0; i < items.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(items[i].Text))
                {
                    problems.Add($"empty section: {spec.ItemName} {items[i].Number ?? i + 1}");
                }
            }

            if (problems.Count > before)
            {
                return null;
            }
        }

        if (exactCount is int exact && items.Count != exact)
        {
            problems.Add($"expected exactly {exact} {Plural(spec.ItemName, exact)}, found {items.Count}");
            return null;
        }

        if (items.Count < minCount)
        {
            problems.Add($"expected at least {minCount} {Plural(spec.ItemName, minCount)}, found {items.Count}");
            return null;
        }

        if (exactCount is int count && spec.Kind == SectionKind.List && numbers.Count == count)
        {
            int missing = Enumerable.Range(1, count).FirstOrDefault(n => !numbers.Contains(n));
            if (missing != 0)
            {
                problems.Add($"missing section: {spec.ItemName} {missing}");
                return null;
            }

            return items.OrderBy(i => i.Number).ToList();
        }

        return items;
    }

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Plural(string noun, int count) => count == 1 ? noun : noun + "s";
}
