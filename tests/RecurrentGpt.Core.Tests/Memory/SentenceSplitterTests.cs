using RecurrentGpt.Core.Memory;

namespace RecurrentGpt.Core.Tests.Memory;

public class SentenceSplitterTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \r\n ")]
    public void Nothing_to_split_gives_no_sentences(string? text)
    {
        Assert.Empty(SentenceSplitter.Split(text));
    }

    [Fact]
    public void English_initials_do_not_end_a_sentence()
    {
        Assert.Equal(
            ["J. R. R. Tolkien wrote about the sea.", "Mara read him every winter."],
            SentenceSplitter.Split("J. R. R. Tolkien wrote about the sea. Mara read him every winter."));
    }

    [Fact]
    public void A_closing_quote_stays_with_the_sentence_it_ends()
    {
        Assert.Equal(
            ["Her father said, \"Go home.\"", "Then he turned back to the lamp."],
            SentenceSplitter.Split("Her father said, \"Go home.\" Then he turned back to the lamp."));
    }

    [Fact]
    public void A_quoted_exclamation_followed_by_a_lower_case_word_does_not_end_the_sentence()
    {
        Assert.Equal(
            ["\"Run!\" she shouted at Tobin.", "He did not move."],
            SentenceSplitter.Split("\"Run!\" she shouted at Tobin. He did not move."));
    }

    [Fact]
    public void Single_quotes_end_sentences_like_double_ones()
    {
        Assert.Equal(
            ["'Don't,' she said.", "'Please.'", "Vell only laughed."],
            SentenceSplitter.Split("'Don't,' she said. 'Please.' Vell only laughed."));
    }

    [Fact]
    public void Question_and_exclamation_marks_together_end_one_sentence()
    {
        Assert.Equal(
            ["Are you mad?!", "The tide is coming in.", "Run!"],
            SentenceSplitter.Split("Are you mad?! The tide is coming in. Run!"));
    }

    [Fact]
    public void An_ellipsis_before_a_lower_case_word_does_not_end_the_sentence()
    {
        Assert.Equal(["Wait... what is that light?", "No one answered."], SentenceSplitter.Split("Wait... what is that light? No one answered."));
    }

    [Fact]
    public void A_decimal_point_does_not_end_a_sentence()
    {
        Assert.Equal(["The lamp burned 2.5 gallons of oil that night."], SentenceSplitter.Split("The lamp burned 2.5 gallons of oil that night."));
    }

    [Fact]
    public void A_line_break_ends_a_sentence_even_without_punctuation()
    {
        Assert.Equal(["Mara keeps the light", "Tobin is missing."], SentenceSplitter.Split("Mara keeps the light\r\nTobin is missing."));
    }

    [Fact]
    public void Chinese_full_stops_exclamations_questions_and_semicolons_end_sentences()
    {
        Assert.Equal(
            ["林舟回到雾港。", "她在找哥哥！", "哥哥在哪里？", "灯塔不亮；", "老周不说话。"],
            SentenceSplitter.Split("林舟回到雾港。她在找哥哥！哥哥在哪里？灯塔不亮；老周不说话。"));
    }

    [Fact]
    public void A_chinese_closing_quote_stays_with_the_sentence_it_ends()
    {
        Assert.Equal(
            ["她在字条上看到一句话：“别让灯塔亮。”", "老周问：“你哥哥呢？”", "林舟没有回答。"],
            SentenceSplitter.Split("她在字条上看到一句话：“别让灯塔亮。”老周问：“你哥哥呢？”林舟没有回答。"));
    }

    [Fact]
    public void A_chinese_ellipsis_and_comma_do_not_end_a_sentence()
    {
        Assert.Equal(["她等了很久……船还是没有来，老周也没有来。"], SentenceSplitter.Split("她等了很久……船还是没有来，老周也没有来。"));
    }

    [Fact]
    public void Mixed_english_and_chinese_split_at_both_kinds_of_stop()
    {
        Assert.Equal(
            ["Mara met 林舟 at the pier.", "林舟说：“我哥哥也失踪了。”", "Both of them waited for the Heron.", "林舟读完了 J. R. R. Tolkien 的书。"],
            SentenceSplitter.Split("Mara met 林舟 at the pier. 林舟说：“我哥哥也失踪了。”Both of them waited for the Heron. 林舟读完了 J. R. R. Tolkien 的书。"));
    }
}
