using RecurrentGpt.Bench.Retrieval;

// Prints Markdown for docs/PERFORMANCE.md: top-k latency of the vector index, then MiniLM load and embedding time.
Console.WriteLine($"Machine: {Machine.Describe()}; .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd}");
Console.WriteLine();
Console.WriteLine(TopKBenchmark.Run(
[
    new TopKRun(Vectors: 10_000, TimedQueries: 500),
    new TopKRun(Vectors: 100_000, TimedQueries: 100),
]));
Console.WriteLine(await MiniLmBenchmark.RunAsync(paragraphs: 50, wordsPerParagraph: 200));
Console.WriteLine("Reproduce: `dotnet run -c Release --project bench/Retrieval`");
