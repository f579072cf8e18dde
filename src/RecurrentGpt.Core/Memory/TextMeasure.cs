using System.Text;

namespace RecurrentGpt.Core.Memory;

/// <summary>
/// Counts text in "units": a run of letters or digits in an alphabetic script is one unit (a word), and every CJK
/// character is one unit. One unit costs about one to one and a half tokens in either language, so a single cap works
/// for English words and Chinese characters alike.
/// Length is bounded too, because a cap in words alone lets one 10,000-character "word" through: a word counts one unit
/// per <see cref="CharsPerUnit"/> characters, and a text never counts fewer units than its length (in UTF-16 code
/// units) divided by <see cref="CharsPerUnit"/>, which catches runs of punctuation, symbols, emoji or spaces.
/// Ordinary prose is still counted in words: English averages about six characters a word, Chinese one a character.
/// </summary>
public static class TextMeasure
{
    /// <summary>Longer than any common word; every further run of this many characters in one token is one more unit.</summary>
    public const int CharsPerUnit = 16;

    public static int CountUnits(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var counter = new UnitCounter();
        foreach (Rune rune in text.EnumerateRunes())
        {
            counter.StartsUnit(rune);
        }

        return Math.Max(counter.Units, text.Length / CharsPerUnit);
    }

    /// <summary>
    /// The longest prefix of <paramref name="text"/> holding at most <paramref name="maxUnits"/> units, cut between
    /// characters (never inside a surrogate pair) and without trailing white space.
    /// </summary>
    public static string TakeUnits(string text, int maxUnits)
    {
        if (maxUnits <= 0)
        {
            return string.Empty;
        }

        int maxLength = (maxUnits * CharsPerUnit) + CharsPerUnit - 1;
        var counter = new UnitCounter();
        int index = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (index + rune.Utf16SequenceLength > maxLength || (counter.StartsUnit(rune) && counter.Units > maxUnits))
            {
                return text[..index].TrimEnd();
            }

            index += rune.Utf16SequenceLength;
        }

        return text;
    }

    public static bool IsCjk(char c) =>
        (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF');

    /// <summary>Also the ideographs beyond the basic plane (extensions B to H, compatibility supplement), which are surrogate pairs.</summary>
    public static bool IsCjk(Rune rune) =>
        rune.IsBmp ? IsCjk((char)rune.Value) : rune.Value is (>= 0x20000 and <= 0x2FA1F) or (>= 0x30000 and <= 0x323AF);

    public static bool ContainsCjk(string? text) => text is not null && text.Any(IsCjk);

    /// <summary>Walks a text rune by rune and counts the units started so far.</summary>
    private struct UnitCounter
    {
        private int _wordLength;
        private bool _inWord;

        public int Units { get; private set; }

        /// <summary>Takes the next rune; true when it starts a unit.</summary>
        public bool StartsUnit(Rune rune)
        {
            if (IsCjk(rune))
            {
                _inWord = false;
                Units++;
                return true;
            }

            if (Rune.IsLetterOrDigit(rune))
            {
                bool starts = !_inWord || _wordLength >= CharsPerUnit;
                if (starts)
                {
                    _wordLength = 0;
                    Units++;
                }

                _inWord = true;
                _wordLength++;
                return starts;
            }

            // An apostrophe or hyphen inside a word keeps it one word ("isn't", "brother-in-law").
            if (_inWord && rune.Value is '\'' or '’' or '-')
            {
                _wordLength++;
                return false;
            }

            _inWord = false;
            return false;
        }
    }
}
