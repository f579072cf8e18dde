using RecurrentGpt.Core.Prompts;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Infrastructure.Embeddings;
using RecurrentGpt.Infrastructure.Offline;
using RecurrentGpt.Infrastructure.Tokens;

namespace RecurrentGpt.Bench.PromptSize;

/// <summary>Prompt tokens of one step: ours, and what a writer that keeps the whole story in context would send.</summary>
public sealed record PromptSizePoint(int Step, long OursInputTokens, long WholeStoryInputTokens);

/// <summary>
/// Runs the real prompt builder and the offline writer for many steps in auto mode and records the step prompt's
/// size (cl100k) at each one, beside the naive approach that sends the whole story so far plus the plan.
/// </summary>
public static class PromptSizeMeasurement
{
    public static async Task<IReadOnlyList<PromptSizePoint>> RunAsync(int steps, WriterSettings settings, CancellationToken cancellationToken)
    {
        using var embeddings = new MiniLmEmbeddingGenerator();
        var writer = new RecurrentWriter(new OfflineWriter(), settings);
        var story = new InMemoryStory(writer, embeddings);
        var premise = new Premise("mystery", "a lighthouse keeper named Elias Grey vanishes from a harbour town, leaving a coded logbook", null, StoryLanguage.English);
        await story.OpenAsync(premise, cancellationToken);

        string stepInstructions = PromptBook.For(premise.Language).StepSystem(rewriteMemory: false, recommend: true, new(settings.ParagraphUnits, settings.PlanUnits, settings.MemoryCapUnits, settings.OpeningParagraphs));
        int instructionTokens = TokenCounter.Count(stepInstructions);
        long storyTokens = story.Paragraphs.Sum(p => (long)TokenCounter.Count(p.Text));

        var points = new List<PromptSizePoint>(steps);
        string plan = story.State.Plans[0];
        for (int step = 1; step <= steps; step++)
        {
            long wholeStory = instructionTokens + storyTokens + TokenCounter.Count(plan);
            StepReport report = await story.WriteAsync(plan, cancellationToken);
            long ours = report.Exchanges.First(e => e.Purpose == OutputSchemas.StepName).InputTokens;
            points.Add(new PromptSizePoint(step, ours, wholeStory));
            storyTokens += TokenCounter.Count(report.Outcome.Draft.Paragraph);
            plan = await story.ChooseAsync(cancellationToken);
        }

        return points;
    }
}
