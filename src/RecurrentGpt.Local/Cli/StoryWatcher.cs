using System.Diagnostics;
using Microsoft.DurableTask.Client;
using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Local.Hosting;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Local.Cli;

/// <summary>
/// Follows a story while the local runtime writes it: a progress line per paragraph, the Markdown file rewritten after
/// each one, and in interactive mode the plan question whenever the story waits for a choice.
/// Ctrl-C suspends the story (the engine's pause); <c>rgpt resume</c> picks it up.
/// </summary>
internal sealed class StoryWatcher(LocalStoryHost host, TextReader input, TextWriter output)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    // A story that shows no change for this long is left to a later `rgpt resume`: the wait is bounded.
    private static readonly TimeSpan StallLimit = TimeSpan.FromMinutes(30);

    /// <param name="retrying">A Retry was just raised: a "needs attention" state from before it does not end the watch.</param>
    public async Task<int> FollowAsync(string storyId, string outputPath, CancellationToken cancellationToken, bool retrying = false)
    {
        StoryStateStore states = host.Get<StoryStateStore>();
        StoryExport export = host.Get<StoryExport>();
        var planPrompt = new PlanPrompt(input, output);
        var sinceChange = Stopwatch.StartNew();
        ProgressLine? progress = null;
        int shownParagraphs = -1;

        // Paragraphs read so far: each poll reads only the new ones, so following a long story stays linear.
        var texts = new List<string>();
        int askedStep = -1;
        string? lastSeen = null;
        try
        {
            while (sinceChange.Elapsed < StallLimit)
            {
                cancellationToken.ThrowIfCancellationRequested();
                StoryState state = (await states.GetAsync(storyId, cancellationToken))?.State ?? throw new UsageException($"unknown story id \"{storyId}\"");
                string seen = $"{state.ParagraphCount}/{state.Status}/{state.Step}";
                if (seen != lastSeen)
                {
                    lastSeen = seen;
                    sinceChange.Restart();
                }

                progress ??= new ProgressLine(output, state.TargetParagraphs);
                if (state.ParagraphCount != shownParagraphs)
                {
                    shownParagraphs = state.ParagraphCount;
                    texts.AddRange(await export.ReadTextsAsync(storyId, texts.Count, state.ParagraphCount - texts.Count, cancellationToken));
                    await SaveAsync(StoryExport.Render(StoryExport.TitleOf(state), texts, ExportFormat.Markdown), outputPath, cancellationToken);
                    progress.Report(state.Step, state.ParagraphCount, texts.Sum(TextMeasure.CountUnits), state.InputTokens, state.OutputTokens);
                }

                retrying &= state.Status == StoryStatus.NeedsAttention;
                switch (state.Status)
                {
                    case StoryStatus.Completed:
                        output.WriteLine($"Wrote \"{state.Title}\" ({state.ParagraphCount} paragraphs) to {outputPath}");
                        return 0;
                    case StoryStatus.Cancelled:
                        output.WriteLine($"Story {storyId} was cancelled at {state.ParagraphCount} paragraphs; they are in {outputPath}");
                        return 0;
                    case StoryStatus.NeedsAttention when !retrying:
                        output.WriteLine($"Story {storyId} needs attention: {state.AttentionReason}");
                        output.WriteLine($"Everything written so far is in {outputPath}. Fix the cause, then run: rgpt resume {storyId}");
                        return 3;
                    case StoryStatus.AwaitingChoice or StoryStatus.Paused when state.Mode == StoryMode.Interactive && askedStep != state.Step + 1:
                        askedStep = state.Step + 1;
                        if (!await AskAsync(planPrompt, storyId, state, cancellationToken))
                        {
                            await PauseAsync(storyId, $"Input ended: story {storyId} is paused at {state.ParagraphCount} paragraphs.");
                            return 0;
                        }

                        break;
                }

                await Task.Delay(PollInterval, cancellationToken);
            }

            output.WriteLine($"No progress for {StallLimit.TotalMinutes} minutes; run rgpt resume {storyId} to continue.");
            return 4;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await PauseAsync(storyId, $"Paused story {storyId}; everything written so far is in {outputPath}.");
            return 130;
        }
    }

    private async Task<bool> AskAsync(PlanPrompt planPrompt, string storyId, StoryState state, CancellationToken cancellationToken)
    {
        // Reading a console line cannot be cancelled: run it aside and stop waiting for it on Ctrl-C.
        Task<PlanAnswer?> answer = Task.Run(() => planPrompt.Ask(state.Plans), CancellationToken.None);
        await answer.WaitAsync(cancellationToken);
        if (await answer is not PlanAnswer chosen)
        {
            return false;
        }

        ChoiceResult result = await host.Get<ChoiceRecorder>().RecordAsync(storyId, state.Step + 1, chosen.Plan, chosen.Source, chosen.PlanIndex, cancellationToken);
        if (result != ChoiceResult.Recorded)
        {
            output.WriteLine(result == ChoiceResult.AlreadyChosen ? "A plan was already chosen for this step; it stands." : "The story has moved on; this choice was not used.");
        }

        return true;
    }

    private async Task PauseAsync(string storyId, string message)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.Client.SuspendInstanceAsync(storyId, "paused from rgpt", timeout.Token);

            // The suspend is a message the engine must still process: stay up until it has, so the pause is on record.
            OrchestrationRuntimeStatus? status;
            while ((status = (await host.Client.GetInstanceAsync(storyId, timeout.Token))?.RuntimeStatus) is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending)
            {
                await Task.Delay(50, timeout.Token);
            }

            output.WriteLine($"(engine: {status?.ToString() ?? "no instance"})");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            output.WriteLine($"(could not suspend the story: {ex.Message})");
        }

        output.WriteLine(message);
        output.WriteLine($"Continue with: rgpt resume {storyId}");
    }

    private static async Task SaveAsync(string markdown, string path, CancellationToken cancellationToken)
    {
        // Written aside and moved into place, so a kill mid-write never leaves half a file.
        string temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, markdown, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
