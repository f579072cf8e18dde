using System.Diagnostics;
using Microsoft.DurableTask.Client;
using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Local.Hosting;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Local.Cli;

/// <summary>
/// Follows a story while the local runtime writes it: a progress line per paragraph, the Markdown file rewritten after
/// each one, and in interactive mode the plan question whenever the story waits for a choice. It ends when the story
/// does, or stops where it can go no further without someone (needs attention, paused, no progress), with the exit code
/// that says which (<see cref="ExitCodes"/>). Ctrl-C suspends the story (the engine's pause); <c>rgpt resume</c> picks it up.
/// </summary>
internal sealed class StoryWatcher(LocalStoryHost host, TextReader input, TextWriter output, StopSignals stop)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    // A story that shows no change for this long is left to a later `rgpt resume`: the wait is bounded.
    private static readonly TimeSpan StallLimit = TimeSpan.FromMinutes(30);

    // How long a pause lets a model call in flight finish, so that resume need not make (and pay for) it again.
    private static readonly TimeSpan InFlightGrace = TimeSpan.FromSeconds(30);

    // How long the pause then waits for the instance to take in that call's result.
    private static readonly TimeSpan ResultSettleLimit = TimeSpan.FromSeconds(5);

    private readonly PlanPrompt _planPrompt = new(input, output);

    public async Task<int> FollowAsync(string storyId, string outputPath, CancellationToken cancellationToken)
    {
        StoryStateStore states = host.Get<StoryStateStore>();
        StoryStatusReader statuses = host.Get<StoryStatusReader>();
        StoryExport export = host.Get<StoryExport>();
        var sinceChange = Stopwatch.StartNew();
        ProgressLine? progress = null;
        int shownParagraphs = -1;

        // Paragraphs read so far: each poll reads only the new ones, so following a long story stays linear.
        var texts = new List<string>();
        int askedStep = -1;
        string? lastSeen = null;
        StoryState? state = null;
        StoryStatus status = StoryStatus.Created;
        try
        {
            while (sinceChange.Elapsed < StallLimit)
            {
                cancellationToken.ThrowIfCancellationRequested();
                state = (await states.GetAsync(storyId, cancellationToken))?.State ?? throw new UsageException($"unknown story id \"{storyId}\"");

                // The one status every view shows: a story the engine holds suspended is paused, whatever its row says.
                status = await statuses.StatusOfAsync(state, cancellationToken);
                string seen = $"{state.ParagraphCount}/{status}/{state.Step}";
                if (seen != lastSeen)
                {
                    lastSeen = seen;
                    sinceChange.Restart();
                }

                progress ??= new ProgressLine(output, state.TargetParagraphs);
                if (state.ParagraphCount != shownParagraphs)
                {
                    shownParagraphs = state.ParagraphCount;
                    texts.AddRange(await export.ReadTextsAsync(state, texts.Count, state.ParagraphCount - texts.Count, cancellationToken));
                    await SaveAsync(StoryExport.Render(StoryExport.TitleOf(state), texts, ExportFormat.Markdown, state.Fork), outputPath, cancellationToken);
                    progress.Report(state.Step, state.ParagraphCount, texts.Sum(TextMeasure.CountUnits), state.InputTokens, state.OutputTokens);
                }

                switch (status)
                {
                    case StoryStatus.Completed:
                        output.WriteLine($"Wrote \"{state.Title}\" ({state.ParagraphCount} paragraphs) to {outputPath}");
                        return ExitCodes.Done;
                    case StoryStatus.Cancelled:
                        output.WriteLine($"Story {storyId} was cancelled at {Length(state)}; they are in {outputPath}");
                        return ExitCodes.Done;
                    case StoryStatus.NeedsAttention:
                        output.WriteLine($"Story {storyId} needs attention at {Length(state)}: {state.AttentionReason}");
                        output.WriteLine($"Everything written so far is in {outputPath}. Fix the cause, then run: rgpt resume {storyId}");
                        return ExitCodes.NeedsAttention;
                    case StoryStatus.Paused when state.Status != StoryStatus.Paused:
                        // Suspended by someone else: the studio, the API or another rgpt.
                        output.WriteLine($"Story {storyId} was paused elsewhere at {Length(state)}; everything written so far is in {outputPath}");
                        output.WriteLine($"Continue with: rgpt resume {storyId}");
                        return ExitCodes.Paused;
                    case StoryStatus.AwaitingChoice or StoryStatus.Paused when state.Mode == StoryMode.Interactive && askedStep != state.Step + 1:
                        askedStep = state.Step + 1;
                        if (!await AskAsync(storyId, state, cancellationToken))
                        {
                            await PauseAsync(storyId, $"Input ended: story {storyId} is paused at {Length(state)}; everything written so far is in {outputPath}");
                            return ExitCodes.Paused;
                        }

                        break;
                }

                await Task.Delay(PollInterval, cancellationToken);
            }

            output.WriteLine($"No progress for {StallLimit.TotalMinutes:0} minutes: story {storyId} is {ContractJson.Name(status)} at {Length(state)}; run rgpt resume {storyId} to continue.");
            return ExitCodes.NoProgress;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await PauseAsync(storyId, $"Paused story {storyId} at {Length(state)}; everything written so far is in {outputPath}.");
            return ExitCodes.Interrupted;
        }
    }

    private static string Length(StoryState? state) =>
        state is null ? "its start" : $"{state.ParagraphCount} of {state.TargetParagraphs} paragraphs";

    private async Task<bool> AskAsync(string storyId, StoryState state, CancellationToken cancellationToken)
    {
        // Reading a console line cannot be cancelled: run it aside and stop waiting for it on Ctrl-C.
        Task<PlanAnswer?> answer = Task.Run(() => _planPrompt.Ask(state.Plans), CancellationToken.None);
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

    /// <summary>
    /// Suspends the story and stays up until the engine has it on record; a model call in flight is let finish first
    /// (bounded, and a second Ctrl-C stops the wait), so the next start neither waits for it nor makes it again.
    /// </summary>
    private async Task PauseAsync(string storyId, string message)
    {
        // Ctrl-C at the plan question: what follows starts on a line of its own, not after the question.
        _planPrompt.EndOpenLine();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.Client.SuspendInstanceAsync(storyId, "paused from rgpt", timeout.Token);

            // The suspend is a message the engine must still process: stay up until it has, so the pause is on record.
            while ((await host.Client.GetInstanceAsync(storyId, timeout.Token))?.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending)
            {
                await Task.Delay(50, timeout.Token);
            }

            if (host.Runtime.ActivitiesInFlight > 0 && !stop.Now.IsCancellationRequested)
            {
                output.WriteLine($"Pausing: the model call in flight may finish first (up to {InFlightGrace.TotalSeconds:0} s; Ctrl-C again to stop now, and resume makes the call again).");
                DateTimeOffset suspendedAt = (await host.Client.GetInstanceAsync(storyId, timeout.Token))?.LastUpdatedAt ?? DateTimeOffset.MinValue;
                using (stop.WaitingForCallInFlight())
                {
                    if (await host.Runtime.WaitForActivitiesAsync(InFlightGrace, stop.Now))
                    {
                        await WaitUntilTakenInAsync(storyId, suspendedAt);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.Now.IsCancellationRequested)
        {
            // A second Ctrl-C: stop waiting; what is in flight is handed back to the engine as the runtime stops.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            output.WriteLine($"Could not pause story {storyId}: {ex.Message}");
        }

        output.WriteLine(message);
        output.WriteLine($"Continue with: rgpt resume {storyId}");
    }

    /// <summary>
    /// A finished call's result is a message the instance takes in even while suspended: waiting for that (bounded) lets
    /// the next start find it on record, instead of hidden in this process's read-ahead for the orchestration lock time.
    /// </summary>
    private async Task WaitUntilTakenInAsync(string storyId, DateTimeOffset suspendedAt)
    {
        using var settle = CancellationTokenSource.CreateLinkedTokenSource(stop.Now);
        settle.CancelAfter(ResultSettleLimit);
        try
        {
            while ((await host.Client.GetInstanceAsync(storyId, settle.Token))?.LastUpdatedAt <= suspendedAt)
            {
                await Task.Delay(50, settle.Token);
            }
        }
        catch (OperationCanceledException) when (settle.IsCancellationRequested && !stop.Now.IsCancellationRequested)
        {
            // Not taken in yet: the runtime hands it back to the engine as it stops.
        }
    }

    private static async Task SaveAsync(string markdown, string path, CancellationToken cancellationToken)
    {
        // Written aside and moved into place, so a kill mid-write never leaves half a file.
        string temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, markdown, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
