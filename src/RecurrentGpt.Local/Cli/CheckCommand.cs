using RecurrentGpt.Local.Hosting;
using RecurrentGpt.Workflow.Refusals;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Local.Cli;

/// <summary>
/// <c>rgpt check &lt;id&gt;</c>: reads one story's blobs and rows against each other and prints one line per inconsistency
/// (exit 1), or that the story is whole (exit 0). It changes nothing.
/// </summary>
internal sealed class CheckCommand(LocalStoryHostFactory hosts, TextWriter output)
{
    /// <summary>A story that does not agree with itself.</summary>
    public const int Inconsistent = 1;

    public async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        string id = StoryIds.Check(args.Positional.Count == 1 ? args.Positional[0] : throw new UsageException("check needs exactly one story id"));
        await using LocalStoryHost host = await hosts.StartAsync(cancellationToken, takesWork: false);
        IReadOnlyList<string> findings;
        try
        {
            findings = await host.Get<StoryAudit>().CheckAsync(id, cancellationToken);
        }
        catch (StoryNotFoundException)
        {
            throw new UsageException($"unknown story id \"{id}\" (rgpt list shows the stories)");
        }

        foreach (string finding in findings)
        {
            output.WriteLine($"{id}: {finding}");
        }

        if (findings.Count == 0)
        {
            output.WriteLine($"{id}: whole (paragraphs, rows, step records, snapshots, choices and token totals agree)");
            return ExitCodes.Done;
        }

        return Inconsistent;
    }
}
