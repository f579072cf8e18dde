namespace RecurrentGpt.Core.Prompts;

/// <summary>The lengths a prompt asks for, spelled out in its "Length" line.</summary>
public sealed record PromptLengths(int ParagraphUnits, int PlanUnits, int MemoryCapUnits, int OpeningParagraphs);
