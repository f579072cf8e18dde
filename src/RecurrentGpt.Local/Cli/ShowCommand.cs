using System.Text.Json;
using System.Text.Json.Serialization;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Local.Hosting;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Local.Cli;

/// <summary><c>rgpt show &lt;id&gt; [--json]</c>: where a story stands, its memory and the plans awaiting choice.</summary>
internal sealed class ShowCommand(LocalStoryHostFactory hosts, TextWriter output)
{
    public static readonly string[] Flags = ["json"];

    // Enum values as the HTTP contract spells them ("awaiting-choice", "interactive").
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        string id = StoryIds.Check(args.Positional.Count == 1 ? args.Positional[0] : throw new UsageException("show needs exactly one story id"));
        bool json = args.Flag("json");
        await using LocalStoryHost host = await hosts.StartAsync(cancellationToken, takesWork: false);
        StoryState state = (await host.Get<StoryStateStore>().GetAsync(id, cancellationToken))?.State
            ?? throw new UsageException($"unknown story id \"{id}\" (rgpt list shows the stories)");

        // The one status, as the API and rgpt list show it: a pause is the engine's suspend, which the state row does not see.
        StoryStatus status = await host.Get<StoryStatusReader>().StatusOfAsync(state, cancellationToken);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(state with { Status = status }, Json));
            return ExitCodes.Done;
        }

        output.WriteLine($"{state.Title} ({state.StoryId})");
        output.WriteLine($"status {ContractJson.Name(status)}, {ContractJson.Name(state.Mode)} mode, step {state.Step}, {state.ParagraphCount} of {state.TargetParagraphs} paragraphs, model {state.ModelId}");
        output.WriteLine($"tokens: {state.InputTokens:N0} in / {state.OutputTokens:N0} out");
        if (state.Fork is not null)
        {
            output.WriteLine($"forked from {state.Fork.ParentId} at step {state.Fork.Step}");
        }

        if (status == StoryStatus.NeedsAttention && state.AttentionReason is not null)
        {
            output.WriteLine($"needs attention: {state.AttentionReason}");
        }

        output.WriteLine();
        output.WriteLine("Short-term memory:");
        output.WriteLine(state.ShortTermMemory);
        output.WriteLine();
        output.WriteLine("Plans for the next step:");
        for (int i = 0; i < state.Plans.Count; i++)
        {
            output.WriteLine($"  {i + 1}. {state.Plans[i]}");
        }

        return ExitCodes.Done;
    }
}
