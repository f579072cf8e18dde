using System.Text;

namespace RecurrentGpt.Core.Memory;

/// <summary>Splits plain-language memory into sentences, so edits can name them by number.</summary>
public static class SentenceSplitter
{
    private const string ChineseEnds = "。！？；";
    private const string LatinEnds = ".!?";
    private const string Closers = "\"'”’）)」』】";

    public static IReadOnlyList<string> Split(string? text)
    {
        var sentences = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return sentences;
        }

        var current = new StringBuilder();
        string normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        for (int i = 0; i < normalized.Length; i++)
        {
            char c = normalized[i];
            if (c == '\n')
            {
                Flush(current, sentences);
                continue;
            }

            current.Append(c);
            bool chineseEnd = ChineseEnds.Contains(c, StringComparison.Ordinal);
            bool latinEnd = LatinEnds.Contains(c, StringComparison.Ordinal) && EndsLatinSentence(normalized, i);
            if (chineseEnd || latinEnd)
            {
                while (i + 1 < normalized.Length && (Closers.Contains(normalized[i + 1], StringComparison.Ordinal) || LatinEnds.Contains(normalized[i + 1], StringComparison.Ordinal)))
                {
                    current.Append(normalized[++i]);
                }

                Flush(current, sentences);
            }
        }

        Flush(current, sentences);
        return sentences;
    }

    // A Latin full stop ends a sentence only before white space or the end, not after a one-letter initial ("J. R."),
    // and not before a word in lower case.
    private static bool EndsLatinSentence(string text, int index)
    {
        int next = index + 1;
        while (next < text.Length && Closers.Contains(text[next], StringComparison.Ordinal))
        {
            next++;
        }

        if (next < text.Length && !char.IsWhiteSpace(text[next]) && !LatinEnds.Contains(text[next], StringComparison.Ordinal))
        {
            return false;
        }

        if (text[index] == '.' && index >= 1 && char.IsUpper(text[index - 1]) && (index == 1 || !char.IsLetter(text[index - 2])))
        {
            return false;
        }

        // The sentence goes on when the next word is in lower case: "\"Run!\" she said." and "Wait... what?" are one sentence each.
        while (next < text.Length && (char.IsWhiteSpace(text[next]) || Closers.Contains(text[next], StringComparison.Ordinal) || LatinEnds.Contains(text[next], StringComparison.Ordinal)))
        {
            next++;
        }

        return next == text.Length || !char.IsLower(text[next]);
    }

    private static void Flush(StringBuilder current, List<string> sentences)
    {
        string sentence = current.ToString().Trim();
        current.Clear();
        if (sentence.Length > 0)
        {
            sentences.Add(sentence);
        }
    }
}
