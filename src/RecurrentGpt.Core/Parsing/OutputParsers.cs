using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Core.Parsing;

/// <summary>
/// Turns raw model outputs into typed results. What has one obvious meaning (a drop named twice, a fourth plan, a code
/// fence) is normalised and recorded on the result; a missing, ambiguous or malformed section is a named problem.
/// </summary>
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
        TidiedList? paragraphs = Tidy(bag, OutputSections.OpeningParagraphs, 1, exactly: false, problems);
        if (paragraphs is { Texts.Count: > MaxOpeningParagraphs })
        {
            // More story than asked for is not a slip with one meaning: which paragraphs were meant to stand is unknown.
            problems.Add($"expected at most {MaxOpeningParagraphs} paragraphs, found {paragraphs.Texts.Count}");
        }

        string? memory = bag.Text(OutputSections.Memory, problems);
        TidiedList? plans = Tidy(bag, OutputSections.Plans, PlanCount, exactly: true, problems);
        return problems.Count > 0
            ? ParseResult<StoryOpening>.Failure(problems)
            : ParseResult<StoryOpening>.Success(new StoryOpening(title!, outline!, paragraphs!.Texts, memory!, plans!.Texts), bag.Normalisations);
    }

    /// <summary>
    /// Parses a step output. <paramref name="currentMemory"/> is the memory the prompt showed, so that the memory
    /// update is read against the sentences it numbered.
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
        MemoryUpdate? update = memoryMode == MemoryMode.Rewrite ? ReadRewrite(bag, problems) : ReadEdit(bag, currentMemory, problems);
        if (update is not null)
        {
            problems.AddRange(currentMemory.Check(update));
        }

        TidiedList? plans = Tidy(bag, OutputSections.Plans, PlanCount, exactly: true, problems);
        int? recommended = ReadRecommendation(bag, specs[^1], recommend, plans, problems);
        return problems.Count > 0
            ? ParseResult<StepDraft>.Failure(problems)
            : ParseResult<StepDraft>.Success(new StepDraft(paragraph!, summary!, update!, plans!.Texts, recommended), bag.Normalisations);
    }

    public static ParseResult<PlanPick> ParsePlanPick(string? raw, int planCount = PlanCount)
    {
        var problems = new List<string>();
        SectionBag? bag = OutputReader.Read(raw, OutputSections.PlanChoice, problems);
        if (bag is null)
        {
            return ParseResult<PlanPick>.Failure(problems);
        }

        // Which plan was chosen is this call's answer, so a number out of range is missing meaning, not a slip.
        int? chosen = bag.Number(OutputSections.ChosenPlan, 1, planCount, problems);
        string? reason = bag.Text(OutputSections.Reason, problems);
        string? refined = bag.Text(OutputSections.RefinedPlan, problems);
        return problems.Count > 0
            ? ParseResult<PlanPick>.Failure(problems)
            : ParseResult<PlanPick>.Success(new PlanPick(chosen!.Value, reason!, refined!), bag.Normalisations);
    }

    public static ParseResult<string> ParseCompressedMemory(string? raw)
    {
        var problems = new List<string>();
        SectionBag? bag = OutputReader.Read(raw, OutputSections.Compression, problems);
        string? memory = bag?.Text(OutputSections.Memory, problems);
        return problems.Count > 0 ? ParseResult<string>.Failure(problems) : ParseResult<string>.Success(memory!, bag!.Normalisations);
    }

    private static TidiedList? Tidy(SectionBag bag, SectionSpec spec, int count, bool exactly, List<string> problems)
    {
        IReadOnlyList<ListItem>? items = bag.Items(spec, problems);
        return items is null ? null : ListTidier.Tidy(spec, items, count, exactly, bag.Normalisations, problems);
    }

    private static MemoryUpdate? ReadRewrite(SectionBag bag, List<string> problems)
    {
        string? rationale = bag.Text(OutputSections.MemoryRationale, problems);
        string? memory = bag.Text(OutputSections.Memory, problems);
        return rationale is null || memory is null ? null : MemoryUpdate.FullRewrite(memory, rationale);
    }

    private static MemoryUpdate? ReadEdit(SectionBag bag, ShortTermMemory currentMemory, List<string> problems)
    {
        IReadOnlyList<ListItem>? drops = bag.Items(OutputSections.MemoryDrop, problems);
        IReadOnlyList<ListItem>? additions = bag.Items(OutputSections.MemoryAdd, problems);
        return drops is null || additions is null
            ? null
            : MemoryEditTidier.Tidy(drops, additions, currentMemory, bag.Normalisations, problems);
    }

    /// <summary>
    /// The recommended plan, followed to where tidying put it. A recommendation that names no kept plan is dropped,
    /// not refused: the story can still go on, and auto mode then asks the human simulator.
    /// </summary>
    private static int? ReadRecommendation(SectionBag bag, SectionSpec spec, bool recommend, TidiedList? plans, List<string> problems)
    {
        if (!recommend && !bag.Has(spec.Key))
        {
            return null;
        }

        string? text = bag.Text(spec, problems, allowEmpty: true);
        if (text is null || plans is null)
        {
            return null;
        }

        List<string> notes = bag.Normalisations;
        if (text.Length == 0)
        {
            notes.Add($"{spec.Key} was empty; dropped the recommendation");
            return null;
        }

        if (NumberReader.First(text) is not int number)
        {
            notes.Add($"{spec.Key} \"{SectionBag.Shorten(text)}\" is not a plan number; dropped the recommendation");
            return null;
        }

        int? found = plans.Find(number, out string? why);
        if (found is null)
        {
            notes.Add(why is null
                ? $"{spec.Key} {number} is not one of the {plans.Given} plans; dropped the recommendation"
                : $"{spec.Key} {number} named a plan that was {why}; dropped the recommendation");
        }
        else if (found != number)
        {
            notes.Add($"{spec.Key} {number} is plan {found} once the plans are tidied");
        }

        return found;
    }
}
