using System.Diagnostics;
using System.Globalization;
using RecurrentGpt.Core.Writing;

namespace RecurrentGpt.Local.Cli;

/// <summary>One line per step: a bar, the step, words so far, tokens spent and time elapsed.</summary>
internal sealed class ProgressLine(TextWriter output, int totalParagraphs)
{
    private const int BarWidth = 20;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Report(int paragraphs, int words, TokenUsage usage)
    {
        int filled = totalParagraphs == 0 ? BarWidth : Math.Min(BarWidth, paragraphs * BarWidth / totalParagraphs);
        string bar = new string('#', filled) + new string('.', BarWidth - filled);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[{bar}] paragraph {paragraphs}/{totalParagraphs} · {words:N0} words · tokens {usage.InputTokens:N0} in / {usage.OutputTokens:N0} out · {_clock.Elapsed.TotalSeconds:F1} s"));
    }
}
