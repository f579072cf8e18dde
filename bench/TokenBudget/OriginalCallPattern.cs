namespace RecurrentGpt.Bench.TokenBudget;

/// <summary>
/// The original RecurrentGPT's auto-mode step, modelled call by call with the same content lengths as our run
/// (tokens per sentence, memory size). Per step it makes three calls and the story grows by the extended paragraph:
/// <list type="number">
/// <item>writer: ~612 tokens of instructions + memory + previous (extended) paragraph + two retrieved full paragraphs + plan
/// → a ~20-sentence paragraph, a rationale, the rewritten memory, three ~5-sentence plans;</item>
/// <item>plan selection: ~183 + previous paragraph + memory + new paragraph + three plans → the chosen plan and a reason;</item>
/// <item>extend and revise: ~390 + previous paragraph + memory + new paragraph + plan → the paragraph at twice the length, the plan and a revised plan.</item>
/// </list>
/// </summary>
public static class OriginalCallPattern
{
    private const int WriterInstructions = 612;
    private const int SelectionInstructions = 183;
    private const int ExtendInstructions = 390;
    private const int ParagraphSentences = 20;
    private const int PlanSentences = 5;
    private const int RationaleSentences = 2;
    private const int ReasonSentences = 1;

    public static (double InputPer1000Words, double OutputPer1000Words) Model(BudgetRun sameContent)
    {
        double s = sameContent.TokensPerSentence;
        double memory = sameContent.MemoryTokens;
        double paragraph = ParagraphSentences * s;
        double extended = 2 * paragraph;
        double plan = PlanSentences * s;

        double writerIn = WriterInstructions + memory + extended + (2 * extended) + plan;
        double writerOut = paragraph + (RationaleSentences * s) + memory + (3 * plan);
        double selectionIn = SelectionInstructions + extended + memory + paragraph + (3 * plan);
        double selectionOut = plan + (ReasonSentences * s);
        double extendIn = ExtendInstructions + extended + memory + paragraph + plan;
        double extendOut = extended + plan + plan;

        double wordsPerStep = 2 * ParagraphSentences * sameContent.WordsPerSentence;
        return ((writerIn + selectionIn + extendIn) * 1000 / wordsPerStep, (writerOut + selectionOut + extendOut) * 1000 / wordsPerStep);
    }
}
