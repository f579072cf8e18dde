using System.Text;

namespace RecurrentGpt.Core.Memory;

/// <summary>
/// The bounded running summary the recurrence rewrites each step, kept as numbered sentences so the model
/// can edit it by number and untouched sentences survive byte for byte.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(ShortTermMemoryJsonConverter))]
public sealed class ShortTermMemory
{
    private ShortTermMemory(IReadOnlyList<string> sentences) => Sentences = sentences;

    public static ShortTermMemory Empty { get; } = new([]);

    public IReadOnlyList<string> Sentences { get; }

    public string Text => Join(Sentences);

    public int Units => TextMeasure.CountUnits(Text);

    public static ShortTermMemory FromText(string? text) => new(SentenceSplitter.Split(text));

    public static ShortTermMemory FromSentences(IEnumerable<string> sentences) =>
        new(sentences.Select(s => s.Trim()).Where(s => s.Length > 0).ToList());

    /// <summary>The memory as the step prompt shows it in edit mode: "[n] sentence" per line.</summary>
    public string Numbered()
    {
        var builder = new StringBuilder();
        for (int i = 0; i < Sentences.Count; i++)
        {
            builder.Append('[').Append(i + 1).Append("] ").Append(Sentences[i]).Append('\n');
        }

        return builder.ToString().TrimEnd('\n');
    }

    /// <summary>What is wrong with applying <paramref name="update"/> to this memory; empty when it applies cleanly.</summary>
    public IReadOnlyList<string> Check(MemoryUpdate update)
    {
        var problems = new List<string>();
        if (update.IsRewrite)
        {
            if (string.IsNullOrWhiteSpace(update.Rewrite))
            {
                problems.Add("empty section: memory");
            }

            return problems;
        }

        // A sentence named twice is still one sentence to drop: harmless, so not a problem.
        foreach (MemoryDrop drop in update.Drops)
        {
            if (drop.Sentence < 1 || drop.Sentence > Sentences.Count)
            {
                problems.Add($"memory_drop names sentence {drop.Sentence}, but the memory has {Sentences.Count} sentence{(Sentences.Count == 1 ? "" : "s")}");
            }
        }

        foreach (MemoryAddition addition in update.Additions)
        {
            if (string.IsNullOrWhiteSpace(addition.Text))
            {
                problems.Add("memory_add has an empty sentence");
            }
        }

        return problems;
    }

    /// <summary>Applies a checked update: kept sentences stay in order and unchanged; additions go to the end.</summary>
    public ShortTermMemory Apply(MemoryUpdate update)
    {
        IReadOnlyList<string> problems = Check(update);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The memory update does not apply: " + string.Join("; ", problems));
        }

        if (update.IsRewrite)
        {
            return FromText(update.Rewrite);
        }

        var dropped = update.Drops.Select(d => d.Sentence).ToHashSet();
        var kept = Sentences.Where((_, i) => !dropped.Contains(i + 1));
        var added = update.Additions.SelectMany(a => SentenceSplitter.Split(a.Text));
        return new ShortTermMemory(kept.Concat(added).ToList());
    }

    /// <summary>
    /// Deterministic last resort for the cap: drops the oldest sentences until the memory fits, and cuts the newest
    /// sentence itself (between characters) if it alone is over. Always ends, and always within the cap.
    /// </summary>
    public ShortTermMemory TrimOldestTo(int capUnits)
    {
        var kept = new List<string>(Sentences);
        while (kept.Count > 1 && TextMeasure.CountUnits(Join(kept)) > capUnits)
        {
            kept.RemoveAt(0);
        }

        if (kept.Count == 1 && TextMeasure.CountUnits(kept[0]) > capUnits)
        {
            kept[0] = TextMeasure.TakeUnits(kept[0], capUnits);
        }

        return FromSentences(kept);
    }

    private static string Join(IReadOnlyList<string> sentences)
    {
        var builder = new StringBuilder();
        foreach (string sentence in sentences)
        {
            // Chinese sentences run on without spaces; alphabetic ones are separated by one.
            if (builder.Length > 0 && !(StartsCjk(sentence) || EndsCjk(builder)))
            {
                builder.Append(' ');
            }

            builder.Append(sentence);
        }

        return builder.ToString();
    }

    private static bool StartsCjk(string sentence) =>
        Rune.DecodeFromUtf16(sentence, out Rune first, out _) == System.Buffers.OperationStatus.Done && TextMeasure.IsCjk(first);

    private static bool EndsCjk(StringBuilder builder)
    {
        char last = builder[^1];
        bool pairedCjk = builder.Length > 1 && char.IsSurrogatePair(builder[^2], last) && TextMeasure.IsCjk(new Rune(builder[^2], last));
        return pairedCjk || TextMeasure.IsCjk(last) || "。！？；”」』）".Contains(last, StringComparison.Ordinal);
    }
}
