namespace RecurrentGpt.Core.Memory;

/// <summary>
/// Counts text in "units": a run of letters or digits in an alphabetic script is one unit (a word),
/// and every CJK character is one unit. One unit costs about one to one and a half tokens in either language,
/// so a single cap works for English words and Chinese characters alike.
/// </summary>
public static class TextMeasure
{
    public static int CountUnits(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        int units = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            if (IsCjk(c))
            {
                units++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c) || (inWord && (c == '\'' || c == '’' || c == '-')))
            {
                if (!inWord)
                {
                    units++;
                    inWord = true;
                }
            }
            else
            {
                inWord = false;
            }
        }

        return units;
    }

    /// <summary>The prefix of <paramref name="text"/> holding at most <paramref name="maxUnits"/> units.</summary>
    public static string TakeUnits(string text, int maxUnits)
    {
        if (maxUnits <= 0)
        {
            return string.Empty;
        }

        int units = 0;
        bool inWord = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool startsUnit = IsCjk(c) || (char.IsLetterOrDigit(c) && !inWord);
            if (startsUnit)
            {
                if (units == maxUnits)
                {
                    return text[..i].TrimEnd();
                }

                units++;
            }

            inWord = !IsCjk(c) && (char.IsLetterOrDigit(c) || (inWord && (c == '\'' || c == '’' || c == '-')));
        }

        return text;
    }

    public static bool IsCjk(char c) =>
        (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF');

    public static bool ContainsCjk(string? text) => text is not null && text.Any(IsCjk);
}
