using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;

namespace RecurrentGpt.Local.Cli;

/// <summary>
/// <c>rgpt write "&lt;premise&gt;"</c>: opens a story and runs the recurrence until it has the asked-for paragraphs,
/// then writes it as Markdown. The file is rewritten after every paragraph, so an interruption loses nothing written.
/// </summary>
internal sealed class WriteCommand(ModelChoice model, TextReader input, TextWriter output)
{
    public static readonly string[] Options = ["genre", "paragraphs", "mode", "language", "out", "id"];

    public async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        if (args.Positional.Count != 1 || string.IsNullOrWhiteSpace(args.Positional[0]))
        {
            throw new UsageException("write needs exactly one premise in quotes, e.g. rgpt write \"a lighthouse keeper finds a message in a bottle\"");
        }

        string topic = args.Positional[0].Trim();
        if (topic.Length > 2000)
        {
            throw new UsageException($"the premise is {topic.Length} characters; the limit is 2000");
        }

        int paragraphs = args.Number("paragraphs", 8, 1, 1000);
        bool auto = args.Choice("mode", "auto", "auto", "interactive") == "auto";
        StoryLanguage language = StoryLanguages.TryParse(args.Choice("language", "en", "en", "zh")) ?? StoryLanguage.English;
        string genre = args.Text("genre") ?? (language == StoryLanguage.Chinese ? "悬疑" : "mystery");
        if (genre.Length > 100)
        {
            throw new UsageException("option --genre is longer than 100 characters");
        }

        string id = StoryIds.Check(args.Text("id") ?? StoryIds.New());
        string path = OutputPath.Prepare(args.Text("out") ?? Path.Combine("stories", id + ".md"));

        WriterSettings settings = (auto ? WriterSettings.AutoDefault : WriterSettings.Default) with { OpeningParagraphs = Math.Min(2, paragraphs) };
        output.WriteLine($"Model: {model.Description}");
        output.WriteLine($"Story {id}: {paragraphs} paragraphs, {(auto ? "auto" : "interactive")} mode, {language.Code()}");

        var story = new InMemoryStory(new RecurrentWriter(model.Chat, settings), model.Embeddings);
        var progress = new ProgressLine(output, paragraphs);
        await story.OpenAsync(new Premise(genre, topic, null, language), cancellationToken);
        Save(path, story);
        progress.Report(story.Paragraphs.Count, Words(story), story.Usage);

        var planPrompt = new PlanPrompt(input, output);
        while (story.Paragraphs.Count < paragraphs)
        {
            string? plan = auto ? await story.ChooseAsync(cancellationToken) : planPrompt.Ask(story.Plans);
            if (plan is null)
            {
                output.WriteLine($"Input ended: the story stops at {story.Paragraphs.Count} paragraphs.");
                break;
            }

            await story.WriteAsync(plan, recommend: auto, cancellationToken);
            Save(path, story);
            progress.Report(story.Paragraphs.Count, Words(story), story.Usage);
        }

        output.WriteLine($"Wrote \"{story.Title}\" ({story.Paragraphs.Count} paragraphs) to {path}");
        if (model.IsOffline)
        {
            output.WriteLine("Note: this text comes from the offline writer, a rehearsal tool; configure a model to write real prose (see README).");
        }

        return 0;
    }

    private static int Words(InMemoryStory story) => story.Paragraphs.Sum(p => TextMeasure.CountUnits(p.Text));

    private static void Save(string path, InMemoryStory story)
    {
        // Written to a temporary file and moved into place, so a kill mid-write never leaves half a story.
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, StoryMarkdown.Render(story.Title, story.Paragraphs));
        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>The model the CLI writes with, and how it names it to the user.</summary>
internal sealed record ModelChoice(IChatClient Chat, IEmbeddingGenerator<string, Embedding<float>> Embeddings, string Description, bool IsOffline);
