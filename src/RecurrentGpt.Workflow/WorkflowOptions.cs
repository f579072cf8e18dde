using RecurrentGpt.Infrastructure;

namespace RecurrentGpt.Workflow;

/// <summary>Settings of the workflow itself (section <c>Workflow</c>).</summary>
public sealed class WorkflowOptions : ISelfValidatingOptions
{
    public const string SectionName = "Workflow";

    /// <summary>How often the scheduler sweep runs; a lost doorbell costs at most this long.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most due entries one sweep handles; the rest wait for the next sweep.</summary>
    public int MaxDueWorkPerSweep { get; set; } = 500;

    /// <summary>Attempts of an activity that calls the model before the story needs attention.</summary>
    public int ModelAttempts { get; set; } = 3;

    /// <summary>First delay between model attempts; doubles each time.</summary>
    public TimeSpan ModelRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (SweepInterval < TimeSpan.FromMilliseconds(100) || SweepInterval > TimeSpan.FromHours(1))
        {
            problems.Add($"{SectionName}:SweepInterval must be from 0.1 s to 1 hour");
        }

        if (MaxDueWorkPerSweep is < 1 or > 10_000)
        {
            problems.Add($"{SectionName}:MaxDueWorkPerSweep must be from 1 to 10000");
        }

        if (ModelAttempts is < 1 or > 10)
        {
            problems.Add($"{SectionName}:ModelAttempts must be from 1 to 10");
        }

        if (ModelRetryDelay < TimeSpan.Zero || ModelRetryDelay > TimeSpan.FromMinutes(10))
        {
            problems.Add($"{SectionName}:ModelRetryDelay must be from 0 to 10 minutes");
        }

        return problems;
    }
}
