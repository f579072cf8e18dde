using System.Globalization;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Local.Hosting;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Local.Cli;

/// <summary><c>rgpt list</c>: every story, most recently updated first, each with the status every other view shows.</summary>
internal sealed class ListCommand(LocalStoryHostFactory hosts, TextWriter output)
{
    public async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        if (args.Positional.Count != 0)
        {
            throw new UsageException("list takes no arguments");
        }

        await using LocalStoryHost host = await hosts.StartAsync(cancellationToken, takesWork: false);
        IReadOnlyList<StorySummary> stories = await host.Get<StoryCatalogue>().ListAsync(1000, cancellationToken);
        if (stories.Count == 0)
        {
            output.WriteLine("No stories yet. Start one with: rgpt write \"<premise>\"");
            return ExitCodes.Done;
        }

        StoryStatusReader statuses = host.Get<StoryStatusReader>();
        output.WriteLine($"{"id",-16} {"status",-16} {"mode",-12} {"paragraphs",10}  {"updated (UTC)",-16}  title");
        foreach (StorySummary story in stories)
        {
            StoryStatus status = await statuses.StatusOfAsync(story, cancellationToken);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{story.StoryId,-16} {ContractJson.Name(status),-16} {ContractJson.Name(story.Mode),-12} {story.ParagraphCount,4}/{story.TargetParagraphs,-5}  {story.UpdatedAt.UtcDateTime:yyyy-MM-dd HH:mm}  {story.Title}"));
        }

        return ExitCodes.Done;
    }
}
