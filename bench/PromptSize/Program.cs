using System.Globalization;
using RecurrentGpt.Bench.PromptSize;
using RecurrentGpt.Core.Writing;

// Prints the step prompt's size over a long story: ours stays flat, the whole-story approach grows without bound.
int steps = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out int n) && n is >= 10 and <= 5000 ? n : 300;
IReadOnlyList<PromptSizePoint> points = await PromptSizeMeasurement.RunAsync(steps, WriterSettings.Default, CancellationToken.None);

int[] shown = [1, 10, 25, 50, 100, 150, 200, 250, 300, 500, 1000, 2000, 5000];
Console.WriteLine("| step | ours: step prompt tokens | whole story in context: prompt tokens |");
Console.WriteLine("|---:|---:|---:|");
foreach (PromptSizePoint point in points.Where(p => shown.Contains(p.Step) || p.Step == steps))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {point.Step} | {point.OursInputTokens:N0} | {point.WholeStoryInputTokens:N0} |"));
}

PromptSizePoint at10 = points[9];
PromptSizePoint last = points[^1];
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ours, step {last.Step} / step 10: {(double)last.OursInputTokens / at10.OursInputTokens:F3} (target ≤ 1.15); max over all steps: {points.Max(p => p.OursInputTokens):N0} tokens"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"whole story, step {last.Step} / step 10: {(double)last.WholeStoryInputTokens / at10.WholeStoryInputTokens:F1}"));
Console.WriteLine();
Console.WriteLine($"Reproduce: dotnet run -c Release --project bench/PromptSize -- {steps}");
