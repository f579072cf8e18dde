using RecurrentGpt.Core.Lines;

namespace RecurrentGpt.Workflow.Lines;

/// <summary>
/// What a story's text is read along now: its lineage with every override that applies, and the sum of the edit counts
/// of the story and its ancestors (any edit that could change what it reads changes the sum).
/// </summary>
public sealed record ReadingLines(Lineage Lines, int EditStamp);
