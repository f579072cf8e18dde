using RecurrentGpt.Bench.TokenBudget;
using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Infrastructure.Embeddings;

namespace RecurrentGpt.Infrastructure.Tests.Budgets;

public class TokenBudgetTests
{
    [Fact]
    public async Task Auto_mode_defaults_spend_at_most_half_the_original_tokens_per_1000_words_in_and_out()
    {
        using var embeddings = new MiniLmEmbeddingGenerator();

        BudgetRun ours = await OurCallPattern.MeasureAsync(WriterSettings.AutoDefault, 30, embeddings, CancellationToken.None);
        (double originalIn, double originalOut) = OriginalCallPattern.Model(ours);

        Assert.True(ours.InputPer1000Words <= 0.5 * originalIn, $"input: ours {ours.InputPer1000Words:F0}, original {originalIn:F0}");
        Assert.True(ours.OutputPer1000Words <= 0.5 * originalOut, $"output: ours {ours.OutputPer1000Words:F0}, original {originalOut:F0}");
    }

    [Fact]
    public async Task Rewriting_memory_in_full_costs_more_output_than_editing_it()
    {
        using var embeddings = new MiniLmEmbeddingGenerator();

        BudgetRun edits = await OurCallPattern.MeasureAsync(WriterSettings.AutoDefault, 10, embeddings, CancellationToken.None);
        BudgetRun rewrites = await OurCallPattern.MeasureAsync(WriterSettings.AutoDefault with { MemoryMode = MemoryMode.Rewrite }, 10, embeddings, CancellationToken.None);

        Assert.True(rewrites.OutputPer1000Words > edits.OutputPer1000Words, $"rewrite {rewrites.OutputPer1000Words:F0}, edits {edits.OutputPer1000Words:F0}");
    }
}
