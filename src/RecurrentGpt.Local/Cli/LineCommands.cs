using System.Globalization;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Local.Hosting;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Lines;
using RecurrentGpt.Workflow.Refusals;

namespace RecurrentGpt.Local.Cli;

/// <summary>
/// <c>rgpt rewind &lt;id&gt; &lt;step&gt;</c>, <c>rgpt branches &lt;id&gt;</c>, <c>rgpt restore &lt;id&gt; &lt;branch&gt;</c> and
/// <c>rgpt fork &lt;id&gt; &lt;step&gt;</c>: the story as a tree. A refusal (a step being written, an unknown step or branch, a
/// taken id) is one line and exit 2; nothing is changed then.
/// </summary>
internal sealed class LineCommands(LocalStoryHostFactory hosts, TextWriter output)
{
    public static readonly string[] ForkOptions = ["id", "mode"];

    // A log shows a story's steps a page at a time, up to the longest story there can be.
    private const int MaxLoggedSteps = StoryLimits.MaxTargetParagraphs;
    private const int PlanWidth = 60;

    public async Task<int> LogAsync(Arguments args, CancellationToken cancellationToken)
    {
        string id = StoryIds.Check(args.Positional.Count == 1 ? args.Positional[0] : throw new UsageException("log needs exactly one story id"));
        await using LocalStoryHost host = await hosts.StartAsync(cancellationToken, takesWork: false);
        StoryTimeline timeline = host.Get<StoryTimeline>();
        Timeline page = await RefusalsAsUsage(id, () => timeline.ReadAsync(id, 1, StoryTimeline.MaxPage, cancellationToken));
        StoryState story = page.Story;
        string fork = story.Fork is null ? string.Empty : $", a fork of {story.Fork.ParentId} at step {story.Fork.Step}";
        output.WriteLine($"{id}: step {story.Step} on branch {story.CurrentLine.Branch}, {story.ParagraphCount - story.Step} opening paragraphs{fork}");
        output.WriteLine($"{"step",5}  {"chosen",-11}  {"words",5}  {"author",-6}  {"takes",5}  {"branches",-8}  plan");
        for (int shown = 0; shown < MaxLoggedSteps;)
        {
            foreach (TimelineStep step in page.Steps)
            {
                string takes = step.Takes.Count > 1 ? $"{step.Takes.First(take => take.Stands).Index}/{step.Takes.Count}" : "1";
                string leaving = step.BranchesLeaving.Count == 0 ? "-" : string.Join(',', step.BranchesLeaving);
                string source = (step.PlanSource is { } chosen ? ContractJson.Name(chosen) : "?") + (step.Inherited ? "*" : string.Empty);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{step.Step,5}  {source,-11}  {step.Words,5}  {(step.Author is { } author ? ContractJson.Name(author) : "?"),-6}  {takes,5}  {leaving,-8}  {Shorten(step.Plan ?? string.Empty)}"));
                shown++;
            }

            if (page.Next is not int next)
            {
                break;
            }

            page = await timeline.ReadAsync(id, next, StoryTimeline.MaxPage, cancellationToken);
        }

        if (story.Fork is not null)
        {
            output.WriteLine($"* read from the story it was forked from (or an earlier one in its chain)");
        }

        return ExitCodes.Done;
    }

    private static string Shorten(string plan)
    {
        string line = plan.ReplaceLineEndings(" ");
        return line.Length <= PlanWidth ? line : line[..(PlanWidth - 1)] + "…";
    }

    public async Task<int> ForkAsync(Arguments args, CancellationToken cancellationToken)
    {
        (string id, int step) = IdAndNumber(args, "fork", "<id> <step> [--id NEW] [--mode auto|interactive] (0 is just after the opening)");
        string? newId = args.Text("id") is string wanted ? StoryIds.Check(wanted) : null;
        StoryMode? mode = args.Text("mode") is null ? null
            : args.Choice("mode", "interactive", "auto", "interactive") == "auto" ? StoryMode.Auto : StoryMode.Interactive;
        await using LocalStoryHost host = await hosts.StartAsync(cancellationToken, takesWork: false);
        StoryFork fork = await RefusalsAsUsage(id, () => host.Get<StoryForker>().ForkAsync(id, step, newId, mode, cancellationToken));
        output.WriteLine($"{fork.StoryId} is a fork of {id} at step {fork.FromStep} ({fork.ParagraphCount} paragraphs, read from {id}: nothing was copied), {ContractJson.Name(fork.Mode)}, {ContractJson.Name(fork.Status)}.");
        if (!StoryLifecycle.HasEnded(fork.Status))
        {
            output.WriteLine($"rgpt resume {fork.StoryId} continues it; {id} stays as it is.");
        }

        return ExitCodes.Done;
    }

    public async Task<int> RewindAsync(Arguments args, CancellationToken cancellationToken)
    {
        (string id, int step) = IdAndNumber(args, "rewind", "<id> <step> (0 is just after the opening)");
        return await MoveAsync(id, rewinder => rewinder.RewindAsync(id, step, cancellationToken), cancellationToken);
    }

    public async Task<int> RestoreAsync(Arguments args, CancellationToken cancellationToken)
    {
        (string id, int branch) = IdAndNumber(args, "restore", "<id> <branch> (rgpt branches <id> lists them)");
        return await MoveAsync(id, rewinder => rewinder.RestoreAsync(id, branch, cancellationToken), cancellationToken);
    }

    public async Task<int> BranchesAsync(Arguments args, CancellationToken cancellationToken)
    {
        string id = StoryIds.Check(args.Positional.Count == 1 ? args.Positional[0] : throw new UsageException("branches needs exactly one story id"));
        await using LocalStoryHost host = await hosts.StartAsync(cancellationToken, takesWork: false);
        (_, IReadOnlyList<BranchSummary> branches) = await RefusalsAsUsage(id, () => host.Get<StoryRewinder>().ListBranchesAsync(id, cancellationToken));
        if (branches.Count == 0)
        {
            output.WriteLine($"{id} has no branches: it was never rewound (rgpt rewind {id} <step>)");
            return ExitCodes.Done;
        }

        output.WriteLine($"{"branch",6}  {"leaves after step",17}  {"reached step",12}  {"paragraphs",10}  {"own",4}  {"status",-16}  left (UTC)");
        foreach (BranchSummary branch in branches)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{branch.Branch,6}  {branch.FromStep,17}  {branch.Step,12}  {branch.ParagraphCount,10}  {branch.ParagraphCount - branch.FirstParagraph,4}  {ContractJson.Name(branch.Status),-16}  {branch.LeftAt.UtcDateTime:yyyy-MM-dd HH:mm}"));
        }

        output.WriteLine($"rgpt restore {id} <branch> puts the story back on one, exactly as it was.");
        return ExitCodes.Done;
    }

    private async Task<int> MoveAsync(string id, Func<StoryRewinder, Task<LineMove>> move, CancellationToken cancellationToken)
    {
        await using LocalStoryHost host = await hosts.StartAsync(cancellationToken, takesWork: false);
        LineMove moved = await RefusalsAsUsage(id, () => move(host.Get<StoryRewinder>()));
        string kept = moved.LeftBranch is int left ? $"; what it left is branch {left} (rgpt restore {id} {left} brings it back)" : string.Empty;
        output.WriteLine($"{id} now stands at step {moved.Step} ({moved.ParagraphCount} paragraphs) on branch {moved.Branch}, {ContractJson.Name(moved.Status)}{kept}.");
        if (!StoryLifecycle.HasEnded(moved.Status))
        {
            output.WriteLine($"rgpt resume {id} continues it.");
        }

        return ExitCodes.Done;
    }

    private static async Task<T> RefusalsAsUsage<T>(string id, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (StoryNotFoundException)
        {
            throw new UsageException($"unknown story id \"{id}\" (rgpt list shows the stories)");
        }
        catch (StoryRefusedException refused)
        {
            throw new UsageException(refused.Message);
        }
    }

    private static (string Id, int Number) IdAndNumber(Arguments args, string command, string usage)
    {
        if (args.Positional.Count != 2)
        {
            throw new UsageException($"{command} needs {usage}");
        }

        string id = StoryIds.Check(args.Positional[0]);
        return int.TryParse(args.Positional[1], NumberStyles.None, CultureInfo.InvariantCulture, out int number)
            ? (id, number)
            : throw new UsageException($"{command}: \"{args.Positional[1]}\" is not a whole number; {command} needs {usage}");
    }
}
