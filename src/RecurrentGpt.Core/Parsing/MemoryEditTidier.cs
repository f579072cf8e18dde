using RecurrentGpt.Core.Memory;

namespace RecurrentGpt.Core.Parsing;

/// <summary>
/// Turns the drop and add items of an edit-mode step into an update that applies to the memory the prompt showed.
/// A drop named twice, a drop of a sentence the memory lacks, an empty or repeated addition and a drop that quotes its
/// sentence instead of numbering it each have one obvious reading, which is taken and recorded; only a drop that
/// names no sentence at all is a problem.
/// </summary>
internal static class MemoryEditTidier
{
    public static MemoryUpdate? Tidy(
        IReadOnlyList<ListItem> drops, IReadOnlyList<ListItem> additions, ShortTermMemory memory, List<string> notes, List<string> problems)
    {
        List<MemoryDrop>? kept = TidyDrops(drops, memory, notes, problems);
        List<MemoryAddition> added = TidyAdditions(additions, notes);
        return kept is null ? null : MemoryUpdate.Edit(kept, added);
    }

    private static List<MemoryDrop>? TidyDrops(IReadOnlyList<ListItem> drops, ShortTermMemory memory, List<string> notes, List<string> problems)
    {
        int count = memory.Sentences.Count;
        var named = new List<(int Sentence, string Reason)>();
        bool unnamed = false;
        for (int i = 0; i < drops.Count; i++)
        {
            ListItem drop = drops[i];
            int? sentence = drop.Number;
            if (QuotedSentence(drop.QuotableText, memory) is int quoted)
            {
                notes.Add($"memory_drop quoted sentence {quoted} instead of naming its number; read as {quoted}");
                sentence = quoted;
            }
            else if (sentence is null)
            {
                string said = drop.Reason.Length > 0 ? drop.Reason : drop.QuotableText;
                if (said.Trim().Length == 0)
                {
                    notes.Add($"memory_drop item {i + 1} was empty; ignored it");
                }
                else if (MarkerSectionReader.IsNone(said))
                {
                    notes.Add($"memory_drop held \"{SectionBag.Shorten(said.Trim())}\" as an item; ignored it");
                }
                else
                {
                    problems.Add($"memory_drop has an item without a sentence number: \"{SectionBag.Shorten(said)}\"");
                    unnamed = true;
                }

                continue;
            }
            else if (drop.NumberWasJsonText)
            {
                notes.Add($"memory_drop gave sentence {sentence} as text, not a number");
            }

            if (sentence < 1 || sentence > count)
            {
                notes.Add($"memory_drop named sentence {sentence}, but the memory has {count} sentence{(count == 1 ? "" : "s")}; ignored it");
                continue;
            }

            named.Add((sentence.Value, drop.Reason));
        }

        if (unnamed)
        {
            return null;
        }

        var kept = new List<MemoryDrop>();
        foreach (IGrouping<int, (int Sentence, string Reason)> same in named.GroupBy(d => d.Sentence))
        {
            if (same.Count() > 1)
            {
                notes.Add($"memory_drop named sentence {same.Key} {SectionBag.Times(same.Count())}; kept once");
            }

            kept.Add(new MemoryDrop(same.Key, same.Select(d => d.Reason).FirstOrDefault(r => r.Length > 0) ?? string.Empty));
        }

        return kept;
    }

    private static List<MemoryAddition> TidyAdditions(IReadOnlyList<ListItem> additions, List<string> notes)
    {
        var kept = new List<MemoryAddition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < additions.Count; i++)
        {
            string text = additions[i].Text.Trim();
            if (text.Length == 0)
            {
                notes.Add($"memory_add item {i + 1} was empty; dropped it");
            }
            else if (MarkerSectionReader.IsNone(text))
            {
                notes.Add($"memory_add held \"{SectionBag.Shorten(text)}\" as an item; ignored it");
            }
            else if (!seen.Add(ListTidier.SameKey(text)))
            {
                notes.Add("memory_add gave the same sentence twice; kept it once");
            }
            else
            {
                kept.Add(new MemoryAddition(text, additions[i].Reason.Trim()));
            }
        }

        return kept;
    }

    /// <summary>The number of the memory sentence <paramref name="text"/> is, whole (case, spacing and punctuation aside).</summary>
    private static int? QuotedSentence(string text, ShortTermMemory memory)
    {
        string key = ListTidier.SameKey(text);
        if (key.Length == 0)
        {
            return null;
        }

        for (int i = 0; i < memory.Sentences.Count; i++)
        {
            if (ListTidier.SameKey(memory.Sentences[i]) == key)
            {
                return i + 1;
            }
        }

        return null;
    }
}
