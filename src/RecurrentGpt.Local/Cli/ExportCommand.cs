using RecurrentGpt.Local.Hosting;
using RecurrentGpt.Workflow.Refusals;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Local.Cli;

/// <summary><c>rgpt export &lt;id&gt; --format md|txt [--out FILE]</c>: the story as Markdown or plain text, to a file or stdout.</summary>
internal sealed class ExportCommand(LocalStoryHostFactory hosts, TextWriter output)
{
    public static readonly string[] Options = ["format", "out"];

    public async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        string id = StoryIds.Check(args.Positional.Count == 1 ? args.Positional[0] : throw new UsageException("export needs exactly one story id"));
        ExportFormat format = StoryExport.ParseFormat(args.Choice("format", "md", "md", "txt")) ?? ExportFormat.Markdown;
        string? path = args.Text("out") is string target ? OutputPath.Prepare(target) : null;
        await using LocalStoryHost host = await hosts.StartAsync(cancellationToken, takesWork: false);
        string text;
        try
        {
            text = await host.Get<StoryExport>().RenderAsync(id, format, cancellationToken);
        }
        catch (StoryNotFoundException)
        {
            throw new UsageException($"unknown story id \"{id}\" (rgpt list shows the stories)");
        }

        if (path is null)
        {
            output.Write(text);
        }
        else
        {
            await File.WriteAllTextAsync(path, text, cancellationToken);
            output.WriteLine($"Exported {id} to {path}");
        }

        return 0;
    }
}
