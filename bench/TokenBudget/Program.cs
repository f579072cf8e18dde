using System.Globalization;
using RecurrentGpt.Bench.TokenBudget;
using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Infrastructure.Embeddings;

// Tokens per 1,000 story words in auto mode: our call pattern (measured) beside the original's (modelled on the same content).
int steps = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out int n) && n is >= 5 and <= 2000 ? n : 60;
using var embeddings = new MiniLmEmbeddingGenerator();
WriterSettings auto = WriterSettings.AutoDefault;
(string Lever, WriterSettings Settings)[] rows =
[
    ($"default for auto mode (paragraph {auto.ParagraphUnits}, plans ≤ {auto.PlanUnits}, memory edits, plan named in the step call, summaries recalled)", auto),
    ($"interactive lengths (paragraph {WriterSettings.Default.ParagraphUnits}, plans ≤ {WriterSettings.Default.PlanUnits})", WriterSettings.Default),
    ("paragraph 250", auto with { ParagraphUnits = 250 }),
    ("paragraph 400", auto with { ParagraphUnits = 400 }),
    ("paragraph 700", auto with { ParagraphUnits = 700 }),
    ("plans ≤ 45", auto with { PlanUnits = 45 }),
    ("memory rewritten in full each step", auto with { MemoryMode = MemoryMode.Rewrite }),
    ("separate human-simulator call", auto with { RecommendPlanInStep = false }),
    ("best match recalled in full", auto with { RecallBestMatchInFull = true }),
];

Console.WriteLine($"Auto mode, {steps} steps after the opening, cl100k tokens per 1,000 story words.");
Console.WriteLine();
Console.WriteLine("| lever | ours in | ours out | original in | original out | in, % of original | out, % of original |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
foreach ((string lever, WriterSettings settings) in rows)
{
    BudgetRun ours = await OurCallPattern.MeasureAsync(settings, steps, embeddings, CancellationToken.None);
    (double originalIn, double originalOut) = OriginalCallPattern.Model(ours);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"| {lever} | {ours.InputPer1000Words:N0} | {ours.OutputPer1000Words:N0} | {originalIn:N0} | {originalOut:N0} | {100 * ours.InputPer1000Words / originalIn:F0} % | {100 * ours.OutputPer1000Words / originalOut:F0} % |"));
}

Console.WriteLine();
Console.WriteLine("Target: ours at most 50 % of the original, for input and for output separately (first row).");
Console.WriteLine($"Reproduce: dotnet run -c Release --project bench/TokenBudget -- {steps}");
