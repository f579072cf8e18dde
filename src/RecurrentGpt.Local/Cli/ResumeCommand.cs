using Microsoft.DurableTask.Client;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Local.Hosting;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Local.Cli;

/// <summary>
/// <c>rgpt resume &lt;id&gt;</c>: continues a story after Ctrl-C, a crash or a kill. The durable state is in Azurite, so the
/// runtime picks up where the story stood; a paused story is resumed, one that needs attention is retried.
/// </summary>
internal sealed class ResumeCommand(ModelChoice model, LocalStoryHostFactory hosts, TextReader input, TextWriter output)
{
    public static readonly string[] Options = ["out"];

    public async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        string id = StoryIds.Check(args.Positional.Count == 1 ? args.Positional[0] : throw new UsageException("resume needs exactly one story id"));
        string path = OutputPath.Prepare(args.Text("out") ?? Path.Combine("stories", id + ".md"));
        output.WriteLine($"Model: {model.Description}");
        await using LocalStoryHost host = await hosts.StartAsync(cancellationToken);
        StoryState state = (await host.Get<StoryStateStore>().GetAsync(id, cancellationToken))?.State
            ?? throw new UsageException($"unknown story id \"{id}\" (rgpt list shows the stories)");

        OrchestrationMetadata? instance = await host.Client.GetInstanceAsync(id, cancellationToken);
        if (instance is null)
        {
            await host.Get<StoryStarter>().ScheduleAsync(id, cancellationToken);
        }
        else if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Suspended)
        {
            await host.Client.ResumeInstanceAsync(id, "resumed from rgpt", cancellationToken);
        }

        bool retrying = state.Status == StoryStatus.NeedsAttention;
        if (retrying)
        {
            await host.Client.RaiseEventAsync(id, WorkflowNames.RetryEvent, null, cancellationToken);
        }

        output.WriteLine($"Story {id}: {state.ParagraphCount} of {state.TargetParagraphs} paragraphs so far; writing to {path}");
        int exit = await new StoryWatcher(host, input, output).FollowAsync(id, path, cancellationToken, retrying);
        model.SayIfOffline(output);
        return exit;
    }
}
