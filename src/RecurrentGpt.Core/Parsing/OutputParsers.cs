using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Core.Parsing;

/// <summary>Turns raw model outputs into typed results; a missing, duplicate or malformed section is always a named problem.</summary>
public static class OutputParsers
{
    public const int PlanCount = 3;
    public const int MaxOpeningParagraphs = 5;

    public static ParseResult<StoryOpening> ParseOpening(string? raw)
    {
        var problems = new List<string>();
        SectionBag? bag = OutputReader.Read(raw, OutputSections.Opening, problems);
        if (bag is null)
        {
            return ParseResult<StoryOpening>.Failure(problems);
        }

        string? title = bag.Text(OutputSections.Title, problems);
        string? outline = bag.Text(OutputSections.Outline, problems);
        IReadOnlyList<ListItem>? paragraphs = bag.Items(OutputSections.OpeningParagraphs, problems, minCount: 1);
        if (paragraphs is { Count: > MaxOpeningParagraphs })
        {
            problems.Add($"expected at most {MaxOpeningParagraphs} paragraphs, found {paragraphs.Count}");
        }

        string? memory = bag.Text(OutputSections.Memory, problems);
        IReadOnlyList<ListItem>? plans = bag.Items(OutputSections.Plans, problems, exactCount: PlanCount);
        return problems.Count > 0
            ? ParseResult<StoryOpening>.Failure(problems)
            : ParseResult<StoryOpening>.Success(new StoryOpening(title!, outline!, Texts(paragraphs!), memory!, Texts(plans!)));
    }

    /// <summary>
    /// Parses a step output. <paramref name="currentMemory"/> is the memory the prompt showed, so that an
    /// operation naming a sentence it does not have is caught here.
    /// </summary>
    public static ParseResult<StepDraft> ParseStep(string? raw, ShortTermMemory currentMemory, MemoryMode memoryMode, bool recommend)
    {
        var problems = new List<string>();
        IReadOnlyList<SectionSpec> specs = OutputSections.Step(memoryMode == MemoryMode.Rewrite, recommend);
        SectionBag? bag = OutputReader.Read(raw, specs, problems);
        if (bag is null)
        {
            return ParseResult<StepDraft>.Failure(problems);
        }

        string? paragraph = bag.Text(OutputSections.Paragraph, problems);
        string? summary = bag.Text(OutputSections.Summary, problems);
        MemoryUpdate? update = memoryMode == MemoryMode.Rewrite ? ReadRewrite(bag, problems) : ReadEdit(bag, problems);
        if (update is not null)
        {
            problems.AddRange(currentMemory.Check(update));
        }

        IReadOnlyList<ListItem>? plans = bag.Items(OutputSections.Plans, problems, exactCount: PlanCount);
        SectionSpec recommendSpec = specs[^1];
        int? recommended = recommend || bag.Has(recommendSpec.Key) ? bag.Number(recommendSpec, 1, PlanCount, problems) : null;
        return problems.Count > 0
            ? ParseResult<StepDraft>.Failure(problems)
            : ParseResult<StepDraft>.Success(new StepDraft(paragraph!, summary!, update!, Texts(plans!), recommended));
    }

    public static ParseResult<PlanPick> ParsePlanPick(string? raw, int planCount = PlanCount)
    {
        var problems = new List<string>();
        SectionBag? bag = OutputReader.Read(raw, OutputSections.PlanChoice, problems);
        if (bag is null)
        {
            return ParseResult<PlanPick>.Failure(problems);
        }

        int? chosen = bag.Number(OutputSections.ChosenPlan, 1, planCount, problems);
        string? reason = bag.Text(OutputSections.Reason, problems);
        string? refined = bag.Text(OutputSections.RefinedPlan, problems);
        return problems.Count > 0
            ? ParseResult<PlanPick>.Failure(problems)
            : ParseResult<PlanPick>.Success(new PlanPick(chosen!.Value, reason!, refined!));
    }

    public static ParseResult<string> ParseCompressedMemory(string? raw)
    {
        var problems = new List<string>();
        SectionBag? bag = OutputReader.Read(raw, OutputSections.Compression, problems);
        string? memory = bag?.Text(OutputSections.Memory, problems);
        return problems.Count > 0 ? ParseResult<string>.Failure(problems) : ParseResult<string>.Success(memory!);
    }

    private static MemoryUpdate? ReadRewrite(SectionBag bag, List<string> problems)
    {
        string? rationale = bag.Text(OutputSections.MemoryRationale, problems);
        string? memory = bag.Text(OutputSections.Memory, problems);
        return rationale is null || memory is null ? null : MemoryUpdate.FullRewrite(memory, rationale);
    }

    private static MemoryUpdate? ReadEdit(SectionBag bag, List<string> problems)
    {
        int before = problems.Count;
        IReadOnlyList<ListItem>? drops = bag.Items(OutputSections.MemoryDrop, problems);
        foreach (ListItem drop in drops ?? [])
        {
            if (drop.Number is null)
            {
                problems.Add($"memory_drop has an item without a sentence number: \"{SectionBag.Shorten(drop.Reason)}\"");
            }
        }

        IReadOnlyList<ListItem>? additions = bag.Items(OutputSections.MemoryAdd, problems);
        if (problems.Count > before)
        {
            return null;
        }

        return MemoryUpdate.Edit(
            drops!.Select(d => new MemoryDrop(d.Number!.Value, d.Reason)).ToList(),
            additions!.Select(a => new MemoryAddition(a.Text, a.Reason)).ToList());
    }

    private static List<string> Texts(IReadOnlyList<ListItem> items) => items.Select(i => i.Text.Trim()).ToList();
}
