using System.Diagnostics;
using Microsoft.DurableTask.Client;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Local.Hosting;
using RecurrentGpt.Workflow.Refusals;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Local.Cli;

/// <summary>
/// <c>rgpt resume &lt;id&gt;</c>: continues a story after Ctrl-C, a crash or a kill. The durable state is in storage, so the
/// runtime picks up where the story stood; a paused story is resumed and one that needs attention is retried, through
/// the same story control the API uses. A step the last rgpt was in the middle of is said, with the longest wait for it.
/// </summary>
internal sealed class ResumeCommand(ModelChoice model, LocalStoryHostFactory hosts, TextReader input, TextWriter output, StopSignals stop)
{
    public static readonly string[] Options = ["out"];

    // The resume is a message the engine must process before the instance stops showing suspended.
    private static readonly TimeSpan ResumeSeenWithin = TimeSpan.FromSeconds(30);

    public async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        string id = StoryIds.Check(args.Positional.Count == 1 ? args.Positional[0] : throw new UsageException("resume needs exactly one story id"));
        string path = OutputPath.Prepare(args.Text("out") ?? Path.Combine("stories", id + ".md"));
        output.WriteLine($"Model: {model.Description}");
        await using LocalStoryHost host = await hosts.StartAsync(cancellationToken);
        StoryState state = (await host.Get<StoryStateStore>().GetAsync(id, cancellationToken))?.State
            ?? throw new UsageException($"unknown story id \"{id}\" (rgpt list shows the stories)");

        if (!StoryLifecycle.HasEnded(state.Status))
        {
            await ContinueAsync(host, state, cancellationToken);
        }

        output.WriteLine($"Story {id}: {state.ParagraphCount} of {state.TargetParagraphs} paragraphs so far; writing to {path}");
        int exit = await new StoryWatcher(host, input, output, stop).FollowAsync(id, path, cancellationToken);
        model.SayIfOffline(output);
        return exit;
    }

    private async Task ContinueAsync(LocalStoryHost host, StoryState state, CancellationToken cancellationToken)
    {
        string id = state.StoryId;
        OrchestrationMetadata? instance = await host.Client.GetInstanceAsync(id, cancellationToken);
        if (state.Status is StoryStatus.Created or StoryStatus.Writing && instance is { IsCompleted: false })
        {
            // The last rgpt stopped inside a step. After a clean pause it handed the step back; after a kill the engine
            // gives it out again once the dead process's lock on it lapses. Either way its model call may be made again.
            string where = state.ParagraphCount == 0 ? "the opening" : $"step {state.Step + 1}";
            output.WriteLine(instance.RuntimeStatus == OrchestrationRuntimeStatus.Suspended
                ? $"Resuming {where}, where the pause left it."
                : $"Recovering the step interrupted at {where} (up to {host.RecoveryBound.TotalSeconds:0} s, while the stopped rgpt's hold on it lapses).");
        }

        StoryControl control = host.Get<StoryControl>();
        try
        {
            await control.ResumeAsync(id, cancellationToken);
            if (instance?.RuntimeStatus == OrchestrationRuntimeStatus.Suspended)
            {
                await WaitUntilResumedAsync(host, id, cancellationToken);
            }

            if (state.Status == StoryStatus.NeedsAttention)
            {
                output.WriteLine($"Retrying {(state.ParagraphCount == 0 ? "the opening" : $"step {state.Step + 1}")}, which needed attention: {state.AttentionReason}");
                await control.RetryAsync(id, cancellationToken);
            }
        }
        catch (StoryRefusedException refused)
        {
            // It changed meanwhile (ended, or was retried by someone else): the watch says where it stands.
            output.WriteLine($"Story {id}: {refused.Message}");
        }
    }

    private static async Task WaitUntilResumedAsync(LocalStoryHost host, string id, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ResumeSeenWithin
            && (await host.Client.GetInstanceAsync(id, cancellationToken))?.RuntimeStatus == OrchestrationRuntimeStatus.Suspended)
        {
            await Task.Delay(50, cancellationToken);
        }
    }
}
