using System.Text;
using RecurrentGpt.Core.Memory;

namespace RecurrentGpt.Core.Tests.Memory;

/// <summary>The cap bounds what the memory costs, so a long run of characters counts however it is spelt.</summary>
public class MemoryCapTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Fact]
    public void A_ten_thousand_character_word_is_far_over_a_400_unit_cap()
    {
        // One unit per sixteen characters: 625 units.
        Assert.Equal(625, TextMeasure.CountUnits(new string('a', 10_000)));
    }

    [Theory]
    [InlineData("internationalisation", 2)]
    [InlineData("Donaudampfschiffahrtsgesellschaft", 3)]
    [InlineData("straightforward", 1)]
    public void A_word_longer_than_sixteen_characters_counts_one_unit_per_sixteen(string word, int units)
    {
        Assert.Equal(units, TextMeasure.CountUnits(word));
    }

    [Theory]
    [InlineData("!", 10_000)]
    [InlineData("😀", 5_000)]
    [InlineData("— ", 5_000)]
    public void Text_without_words_still_counts_by_its_length(string piece, int repeats)
    {
        string text = string.Concat(Enumerable.Repeat(piece, repeats));

        Assert.True(TextMeasure.CountUnits(text) > 400, $"{TextMeasure.CountUnits(text)} units for {text.Length} characters");
    }

    [Fact]
    public void Ordinary_english_is_still_counted_in_words()
    {
        string text = string.Join(" ", Enumerable.Repeat("Mara climbed the ninety-one steps with the oil can knocking against her knee.", 30));

        Assert.Equal(13 * 30, TextMeasure.CountUnits(text));
    }

    [Fact]
    public void Chinese_without_spaces_is_still_counted_in_characters()
    {
        string text = string.Concat(Enumerable.Repeat("林舟回到雾港寻找失踪的哥哥林岩。", 50));

        Assert.Equal(15 * 50, TextMeasure.CountUnits(text));
    }

    [Fact]
    public void Chinese_characters_beyond_the_basic_plane_count_one_unit_each()
    {
        // U+20BB7 and U+2A6A5 are CJK ideographs written as surrogate pairs.
        Assert.Equal(3, TextMeasure.CountUnits("\U00020BB7\U0002A6A5林"));
    }

    [Fact]
    public void Taking_units_from_a_huge_word_cuts_it_within_the_cap()
    {
        string taken = TextMeasure.TakeUnits(new string('a', 10_000), 400);

        Assert.InRange(TextMeasure.CountUnits(taken), 1, 400);
        Assert.True(taken.Length < 10_000);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(400)]
    public void Taking_units_never_splits_a_surrogate_pair(int units)
    {
        string text = string.Concat(Enumerable.Repeat("😀\U00020BB7", 5_000));

        string taken = TextMeasure.TakeUnits(text, units);

        Assert.InRange(TextMeasure.CountUnits(taken), 1, units);
        StrictUtf8.GetBytes(taken);
    }

    [Fact]
    public void A_memory_of_one_ten_thousand_character_word_is_over_the_cap_and_trims_within_it()
    {
        var memory = ShortTermMemory.FromText(new string('a', 10_000));
        Assert.True(memory.Units > 400);

        ShortTermMemory trimmed = memory.TrimOldestTo(400);

        Assert.InRange(trimmed.Units, 1, 400);
        Assert.Single(trimmed.Sentences);
    }

    [Fact]
    public void Trimming_keeps_newer_sentences_and_cuts_a_huge_last_one_at_a_character_boundary()
    {
        var memory = ShortTermMemory.FromSentences(
        [
            "Mara keeps the light.",
            "Tobin is missing.",
            string.Concat(Enumerable.Repeat("🌊", 8_000)),
        ]);

        ShortTermMemory trimmed = memory.TrimOldestTo(50);

        Assert.InRange(trimmed.Units, 1, 50);
        string kept = Assert.Single(trimmed.Sentences);
        Assert.StartsWith("🌊", kept, StringComparison.Ordinal);
        StrictUtf8.GetBytes(kept);
    }

    [Fact]
    public void Trimming_a_memory_of_many_huge_sentences_terminates_within_the_cap()
    {
        var memory = ShortTermMemory.FromSentences(Enumerable.Range(0, 200).Select(i => new string((char)('a' + (i % 26)), 3_000) + "."));

        ShortTermMemory trimmed = memory.TrimOldestTo(60);

        Assert.InRange(trimmed.Units, 1, 60);
        Assert.All(trimmed.Sentences, s => Assert.False(string.IsNullOrWhiteSpace(s)));
    }

    [Fact]
    public void Trimming_a_memory_already_within_the_cap_changes_nothing()
    {
        var memory = ShortTermMemory.FromText("Mara keeps the light. 林舟回到雾港。");

        Assert.Equal(memory.Sentences, memory.TrimOldestTo(400).Sentences);
    }
}
