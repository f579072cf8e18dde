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

    /// <summary>What was tidied to read the output, one short sentence each, in the order it was done.</summary>
    public List<string> Normalisations { get; } = [];

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

        string value = values[0].Trim();
        if (values.Count > 1)
        {
            // The same text twice says one thing; two different texts leave it open which one was meant.
            if (values.Any(v => v.Trim() != value))
            {
                problems.Add($"duplicate section: {spec.Key}");
                return null;
            }

            Normalisations.Add($"{spec.Key} appeared {Times(values.Count)} with the same text; kept one");
        }

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

    /// <summary>The items of a list section as the output gave them; <see cref="ListTidier"/> makes them usable.</summary>
    public IReadOnlyList<ListItem>? Items(SectionSpec spec, List<string> problems)
    {
        if (!_items.TryGetValue(spec.Key, out List<ListItem>? items))
        {
            if (spec.Required)
            {
                problems.Add($"missing section: {spec.Key}");
            }

            return null;
        }

        // Two whole blocks of the same list may be two different answers: which one was meant is not known.
        if (_listOccurrences.GetValueOrDefault(spec.Key) > 1)
        {
            problems.Add($"duplicate section: {spec.Key}");
            return null;
        }

        return items;
    }

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    internal static string Times(int count) => count == 2 ? "twice" : $"{count} times";
}
