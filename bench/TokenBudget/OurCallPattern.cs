using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Infrastructure.Embeddings;
using RecurrentGpt.Infrastructure.Offline;
using RecurrentGpt.Infrastructure.Tokens;

namespace RecurrentGpt.Bench.TokenBudget;

/// <summary>What an auto-mode run spent, and the content lengths it produced (so the original can be modelled on them).</summary>
public sealed record BudgetRun(
    long InputTokens,
    long OutputTokens,
    long StoryWords,
    double WordsPerSentence,
    double TokensPerSentence,
    double MemoryTokens)
{
    public double InputPer1000Words => InputTokens * 1000.0 / StoryWords;

    public double OutputPer1000Words => OutputTokens * 1000.0 / StoryWords;
}

/// <summary>
/// Our call pattern, measured: the real prompt builder, parser and memory code with the offline writer, in auto mode.
/// Counts every call after the opening (steps, simulator calls, compressions) in cl100k tokens, over the words those steps wrote.
/// </summary>
public static class OurCallPattern
{
    public static async Task<BudgetRun> MeasureAsync(WriterSettings settings, int steps, MiniLmEmbeddingGenerator embeddings, CancellationToken cancellationToken)
    {
        var story = new InMemoryStory(new RecurrentWriter(new OfflineWriter(), settings), embeddings);
        await story.OpenAsync(new Premise("science fiction", "a salvage pilot named Ivo Marsh finds a derelict ship broadcasting her own voice", null, StoryLanguage.English), cancellationToken);
        TokenUsage afterOpening = story.Usage;

        long words = 0, sentences = 0, paragraphTokens = 0, memoryTokens = 0;
        string plan = await story.ChooseAsync(cancellationToken);
        for (int step = 0; step < steps; step++)
        {
            StepReport report = await story.WriteAsync(plan, cancellationToken);
            string paragraph = report.Outcome.Draft.Paragraph;
            words += TextMeasure.CountUnits(paragraph);
            sentences += SentenceSplitter.Split(paragraph).Count;
            paragraphTokens += TokenCounter.Count(paragraph);
            memoryTokens += TokenCounter.Count(story.Memory.Text);
            plan = await story.ChooseAsync(cancellationToken);
        }

        return new BudgetRun(
            story.Usage.InputTokens - afterOpening.InputTokens,
            story.Usage.OutputTokens - afterOpening.OutputTokens,
            words,
            (double)words / sentences,
            (double)paragraphTokens / sentences,
            (double)memoryTokens / steps);
    }
}
