using Microsoft.DurableTask;

namespace RecurrentGpt.Local.Runtime.Tests.Crashable;

/// <summary>Where the ring loop is: which generation, how many in all, and what each generation heard so far.</summary>
public sealed record RingCursor(int Generation, int Generations, string Trail);

/// <summary>The doorbell: which generation it is rung for, and a word to remember.</summary>
public sealed record Bell(int Generation, string Word);

/// <summary>
/// A tiny orchestration with the story workflow's shape: each generation calls an activity, publishes that it waits,
/// waits for a <see cref="Bell"/> (ignoring bells rung for other generations), then continues as new. No timers.
/// </summary>
public static class RingLoop
{
    public const string Orchestration = "RingLoop";
    public const string EchoActivity = "Echo";
    public const string BellEvent = "Bell";

    public static string WaitingStatus(int generation) => $"waiting-for-bell-{generation}";

    public static string Echo(string text) => $"echo:{text}";

    /// <summary>The output of a run whose bells carried these words, in order.</summary>
    public static string ExpectedTrail(params string[] words) =>
        string.Concat(words.Select((word, generation) => $"{Echo($"g{generation}")}+{word};"));

    public static void Register(DurableTaskRegistry tasks)
    {
        tasks.AddOrchestratorFunc<RingCursor, string>(Orchestration, RunAsync);
        tasks.AddActivityFunc<string, string>(EchoActivity, (_, text) => Echo(text ?? string.Empty));
    }

    private static async Task<string> RunAsync(TaskOrchestrationContext context, RingCursor? cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        string echoed = await context.CallActivityAsync<string>(EchoActivity, $"g{cursor.Generation}");
        context.SetCustomStatus(WaitingStatus(cursor.Generation));

        Bell bell;
        do
        {
            bell = await context.WaitForExternalEvent<Bell>(BellEvent);
        }
        while (bell.Generation != cursor.Generation);

        string trail = cursor.Trail + $"{echoed}+{bell.Word};";
        if (cursor.Generation + 1 < cursor.Generations)
        {
            context.ContinueAsNew(cursor with { Generation = cursor.Generation + 1, Trail = trail });
        }

        return trail;
    }
}
