using RecurrentGpt.Core.Memory;

namespace RecurrentGpt.Core.Writing;

/// <summary>The recurrence's levers. Lengths are in text units: English words, or Chinese characters.</summary>
public sealed record WriterSettings
{
    /// <summary>Edit operations (default) or the paper's full rewrite.</summary>
    public MemoryMode MemoryMode { get; init; } = MemoryMode.Edit;

    /// <summary>Hard cap on the short-term memory, enforced by code.</summary>
    public int MemoryCapUnits { get; init; } = 400;

    /// <summary>Target length of each step's paragraph.</summary>
    public int ParagraphUnits { get; init; } = 200;

    /// <summary>Upper length of each proposed plan.</summary>
    public int PlanUnits { get; init; } = 60;

    /// <summary>Opening paragraphs the initialisation call writes.</summary>
    public int OpeningParagraphs { get; init; } = 2;

    /// <summary>k: how many earlier paragraphs the step recalls.</summary>
    public int RecalledParagraphs { get; init; } = 3;

    /// <summary>Send the best match's full text as well as the summaries of the recalled paragraphs.</summary>
    public bool RecallBestMatchInFull { get; init; }

    /// <summary>In auto mode, the step call names its best plan, so no separate human-simulator call is needed.</summary>
    public bool RecommendPlanInStep { get; init; } = true;

    /// <summary>Repair requests after an unparseable output (0 to 2).</summary>
    public int MaxRepairs { get; init; } = 1;

    /// <summary>Room for each reply: a bound on output size, well above what the lengths above ask for.</summary>
    public int MaxOutputTokens { get; init; } = 4096;

    public static WriterSettings Default { get; } = new();

    /// <summary>
    /// Settings for auto mode's token budget (measured in bench/TokenBudget): longer paragraphs spread the fixed cost
    /// of a step over more words, and short plans suffice when no one reads them.
    /// </summary>
    public static WriterSettings AutoDefault { get; } = new() { ParagraphUnits = 500, PlanUnits = 25 };

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Check(MemoryCapUnits is >= 50 and <= 4000, "MemoryCapUnits must be from 50 to 4000");
        Check(ParagraphUnits is >= 30 and <= 2000, "ParagraphUnits must be from 30 to 2000");
        Check(PlanUnits is >= 10 and <= 300, "PlanUnits must be from 10 to 300");
        Check(OpeningParagraphs is >= 1 and <= 5, "OpeningParagraphs must be from 1 to 5");
        Check(RecalledParagraphs is >= 0 and <= 20, "RecalledParagraphs must be from 0 to 20");
        Check(MaxRepairs is >= 0 and <= 2, "MaxRepairs must be from 0 to 2");
        Check(MaxOutputTokens is >= 256 and <= 32768, "MaxOutputTokens must be from 256 to 32768");
        return problems;

        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }
    }
}
