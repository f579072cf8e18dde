using System.Diagnostics;
using System.Globalization;

namespace RecurrentGpt.Local.Cli;

/// <summary>One line per paragraph: a bar, the step, paragraphs and words so far, tokens spent and time elapsed.</summary>
internal sealed class ProgressLine(TextWriter output, int totalParagraphs)
{
    private const int BarWidth = 20;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Report(int step, int paragraphs, int words, long inputTokens, long outputTokens)
    {
        int filled = totalParagraphs == 0 ? BarWidth : Math.Min(BarWidth, paragraphs * BarWidth / totalParagraphs);
        string bar = new string('#', filled) + new string('.', BarWidth - filled);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[{bar}] step {step} · paragraph {paragraphs}/{totalParagraphs} · {words:N0} words · tokens {inputTokens:N0} in / {outputTokens:N0} out · {_clock.Elapsed.TotalSeconds:F1} s"));
    }
}
