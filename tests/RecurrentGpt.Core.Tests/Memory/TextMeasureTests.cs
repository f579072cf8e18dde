using RecurrentGpt.Core.Memory;

namespace RecurrentGpt.Core.Tests.Memory;

public class TextMeasureTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData(" ... --- !!! ", 0)]
    [InlineData("Mara keeps the light.", 4)]
    // An apostrophe or hyphen inside a word keeps it one word; digits around a colon are two.
    [InlineData("Mara's brother-in-law left at 9:30.", 6)]
    // Quotes around a word do not make it two.
    [InlineData("Tobin isn't 'lost', he's hiding.", 5)]
    // Every CJK character is a unit; Chinese punctuation is not.
    [InlineData("林舟回到雾港。", 6)]
    [InlineData("“别让灯塔亮！”", 5)]
    [InlineData("Mara 和林舟 met at the pier.", 8)]
    // Full-width digits are one word, like ASCII ones: five characters, one number, one character.
    [InlineData("三百块钱是１２３元", 7)]
    public void Counts_english_words_and_cjk_characters(string? text, int units)
    {
        Assert.Equal(units, TextMeasure.CountUnits(text));
    }

    [Theory]
    [InlineData("Mara's brother-in-law left at dawn.", 2, "Mara's brother-in-law")]
    [InlineData("林舟回到雾港。", 4, "林舟回到")]
    [InlineData("Mara 和林舟 met at the pier.", 3, "Mara 和林")]
    [InlineData("Tobin is missing.", 10, "Tobin is missing.")]
    [InlineData("Tobin is missing.", 0, "")]
    public void Takes_a_prefix_of_at_most_the_given_units(string text, int maxUnits, string expected)
    {
        string taken = TextMeasure.TakeUnits(text, maxUnits);

        Assert.Equal(expected, taken);
        Assert.True(TextMeasure.CountUnits(taken) <= maxUnits);
    }
}
