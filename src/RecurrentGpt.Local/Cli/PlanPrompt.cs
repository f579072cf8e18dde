using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Local.Cli;

/// <summary>Interactive mode's question: pick a plan, edit one in place, or write your own.</summary>
internal sealed class PlanPrompt(TextReader input, TextWriter output)
{
    private const int MaxAttempts = 20;

    // A question is on the screen and its line waits for the answer.
    private volatile bool _lineOpen;

    /// <summary>Ends the question's line if it waits for an answer, so what is printed next starts on a line of its own.</summary>
    public void EndOpenLine()
    {
        if (_lineOpen)
        {
            _lineOpen = false;
            output.WriteLine();
        }
    }

    /// <summary>The writer's answer, or null when input ends.</summary>
    public PlanAnswer? Ask(IReadOnlyList<string> plans)
    {
        output.WriteLine();
        for (int i = 0; i < plans.Count; i++)
        {
            output.WriteLine($"  {i + 1}. {plans[i]}");
        }

        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            string? line = AskLine("Choose 1-3, \"e N\" to edit plan N, or type your own plan: ");
            if (line is null)
            {
                return null;
            }

            line = line.Trim();
            if (int.TryParse(line, out int chosen) && chosen >= 1 && chosen <= plans.Count)
            {
                return new PlanAnswer(plans[chosen - 1], PlanChoiceSource.Picked, chosen);
            }

            if (line.Length > 2 && line[0] == 'e' && line[1] == ' ' && int.TryParse(line[2..].Trim(), out int edit) && edit >= 1 && edit <= plans.Count)
            {
                output.WriteLine($"Plan {edit} as it stands: {plans[edit - 1]}");
                string? edited = AskLine("Your edited plan (empty keeps it): ");
                return string.IsNullOrWhiteSpace(edited)
                    ? new PlanAnswer(plans[edit - 1], PlanChoiceSource.Picked, edit)
                    : new PlanAnswer(Bound(edited), PlanChoiceSource.Edited, edit);
            }

            if (line.Length >= 10)
            {
                return new PlanAnswer(Bound(line), PlanChoiceSource.Own, null);
            }

            output.WriteLine("That is neither a plan number nor a plan of your own (write at least 10 characters).");
        }

        return null;
    }

    private string? AskLine(string question)
    {
        output.Write(question);
        _lineOpen = true;
        string? line = input.ReadLine();

        // Input that ended leaves the question's line open; an answer ended it with the writer's Enter.
        _lineOpen = line is null;
        return line;
    }

    private static string Bound(string plan) => plan.Length <= StoryLimits.MaxPlanChars ? plan.Trim() : plan[..StoryLimits.MaxPlanChars].Trim();
}
