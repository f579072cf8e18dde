using System.Globalization;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Local.Hosting;

namespace RecurrentGpt.Local.Cli;

/// <summary><c>rgpt list</c>: every story, most recently updated first.</summary>
internal sealed class ListCommand(LocalStoryHostFactory hosts, TextWriter output)
{
    public async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        if (args.Positional.Count != 0)
        {
            throw new UsageException("list takes no arguments");
        }

        await using LocalStoryHost host = await hosts.StartAsync(cancellationToken);
        IReadOnlyList<StorySummary> stories = await host.Get<StoryCatalogue>().ListAsync(1000, cancellationToken);
        if (stories.Count == 0)
        {
            output.WriteLine("No stories yet. Start one with: rgpt write \"<premise>\"");
            return 0;
        }

        output.WriteLine($"{"id",-16} {"status",-15} {"mode",-12} {"paragraphs",10}  {"updated (UTC)",-16}  title");
        foreach (StorySummary story in stories)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{story.StoryId,-16} {story.Status,-15} {story.Mode,-12} {story.ParagraphCount,4}/{story.TargetParagraphs,-5}  {story.UpdatedAt.UtcDateTime:yyyy-MM-dd HH:mm}  {story.Title}"));
        }

        return 0;
    }
}
