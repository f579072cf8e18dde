using RecurrentGpt.Core.Story;
using RecurrentGpt.Local.Hosting;
using RecurrentGpt.Workflow.Refusals;
using RecurrentGpt.Workflow.Stories;

namespace RecurrentGpt.Local.Cli;

/// <summary>
/// <c>rgpt write "&lt;premise&gt;"</c>, the main job: starts a durable story on the local runtime and follows it until it
/// has the asked-for paragraphs, keeping the Markdown file current after every paragraph.
/// </summary>
internal sealed class WriteCommand(ModelChoice model, LocalStoryHostFactory hosts, TextReader input, TextWriter output, StopSignals stop)
{
    public static readonly string[] Options = ["genre", "paragraphs", "mode", "language", "out", "id"];

    private const string Example = "e.g. rgpt write \"a lighthouse keeper finds a message in a bottle\"";

    /// <summary>The premise as typed, checked before the model is chosen: a typo costs nothing.</summary>
    public static string CheckPremise(Arguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Positional.Count != 1)
        {
            throw new UsageException($"write needs exactly one premise in quotes (got {args.Positional.Count}), {Example}");
        }

        string topic = args.Positional[0].Trim();
        if (topic.Length == 0)
        {
            throw new UsageException($"the premise is empty; say what the story is about, {Example}");
        }

        return topic.Length <= StoryLimits.MaxTopicChars
            ? topic
            : throw new UsageException($"the premise is {topic.Length} characters; the limit is {StoryLimits.MaxTopicChars}");
    }

    public async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        string topic = CheckPremise(args);

        int paragraphs = args.Number("paragraphs", 8, 1, StoryLimits.MaxTargetParagraphs);
        StoryMode mode = args.Choice("mode", "auto", "auto", "interactive") == "auto" ? StoryMode.Auto : StoryMode.Interactive;
        StoryLanguage language = StoryLanguages.TryParse(args.Choice("language", "en", "en", "zh")) ?? StoryLanguage.English;
        string genre = args.Text("genre") ?? (language == StoryLanguage.Chinese ? "悬疑" : "mystery");
        if (genre.Length > StoryLimits.MaxGenreChars)
        {
            throw new UsageException($"option --genre is longer than {StoryLimits.MaxGenreChars} characters");
        }

        string id = StoryIds.Check(args.Text("id") ?? StoryId.New());
        string path = OutputPath.Prepare(args.Text("out") ?? Path.Combine("stories", id + ".md"));

        output.WriteLine($"Model: {model.Description}");
        await using LocalStoryHost host = await hosts.StartAsync(cancellationToken);
        try
        {
            await host.Get<StoryStarter>().StartAsync(new NewStory(id, new Premise(genre, topic, null, language), mode, paragraphs), cancellationToken);
        }
        catch (StoryRefusedException refused) when (refused.Refusal == StoryRefusal.StoryExists)
        {
            throw new UsageException($"a story with id \"{id}\" exists already; continue it with rgpt resume {id}");
        }

        output.WriteLine($"Story {id}: {paragraphs} paragraphs, {(mode == StoryMode.Auto ? "auto" : "interactive")} mode, {language.Code()}; writing to {path}");
        int exit = await new StoryWatcher(host, input, output, stop).FollowAsync(id, path, cancellationToken);
        model.SayIfOffline(output);
        return exit;
    }
}
