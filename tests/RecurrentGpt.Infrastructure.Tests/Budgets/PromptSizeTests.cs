using RecurrentGpt.Bench.PromptSize;
using RecurrentGpt.Core.Writing;

namespace RecurrentGpt.Infrastructure.Tests.Budgets;

public class PromptSizeTests
{
    [Fact]
    public async Task Step_prompt_at_step_300_is_at_most_1_15_times_the_prompt_at_step_10()
    {
        IReadOnlyList<PromptSizePoint> points = await PromptSizeMeasurement.RunAsync(300, WriterSettings.Default, CancellationToken.None);

        long atStep10 = points.Single(p => p.Step == 10).OursInputTokens;
        long atStep300 = points.Single(p => p.Step == 300).OursInputTokens;
        Assert.True(atStep300 <= atStep10 * 1.15, $"step 300: {atStep300} tokens, step 10: {atStep10} tokens");
        Assert.True(points.Max(p => p.OursInputTokens) <= atStep10 * 1.15, $"largest step prompt: {points.Max(p => p.OursInputTokens)} tokens");

        // The naive approach, measured the same way, does grow with the story: the measurement can tell the difference.
        Assert.True(points[^1].WholeStoryInputTokens > 10 * points[9].WholeStoryInputTokens);
    }
}
