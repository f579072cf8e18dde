namespace RecurrentGpt.Workflow.Readers;

/// <summary>What a reader chose: one of the three plans by number (1 to 3), or their own words; exactly one of the two.</summary>
public sealed record ReaderChoice(int? Plan, string? Text);
