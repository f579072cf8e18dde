namespace RecurrentGpt.Core.Parsing;

/// <summary>Reads the first whole number in a text, in Arabic digits (ASCII or full-width) or Chinese numerals up to ten.</summary>
internal static class NumberReader
{
    private const string ChineseDigits = "零一二三四五六七八九十";

    public static int? First(string text) => First(text, out _);

    /// <summary>The first whole number, and in <paramref name="end"/> the index just after it (the text's length when there is none).</summary>
    public static int? First(string text, out int end)
    {
        end = text.Length;
        for (int i = 0; i < text.Length; i++)
        {
            int digit = DigitValue(text[i]);
            if (digit >= 0)
            {
                int value = 0;
                while (i < text.Length && DigitValue(text[i]) is int d and >= 0)
                {
                    if (value > 100_000)
                    {
                        return null;
                    }

                    value = (value * 10) + d;
                    i++;
                }

                end = i;
                return value;
            }

            int chinese = ChineseDigits.IndexOf(text[i], StringComparison.Ordinal);
            if (chinese >= 0)
            {
                end = i + 1;
                return chinese;
            }
        }

        return null;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '０' and <= '９' => c - '０',
        _ => -1,
    };
}
