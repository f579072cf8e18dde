using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;

namespace RecurrentGpt.Core.Prompts;

/// <summary>
/// Builds every call of the recurrence from a prompt book and the writer's settings. The system message comes from
/// the book alone; every piece of user text goes into a delimited section of the user message.
/// </summary>
public sealed class PromptBuilder(WriterSettings settings)
{
    public WriterSettings Settings { get; } = settings;

    private PromptLengths Lengths => new(Settings.ParagraphUnits, Settings.PlanUnits, Settings.MemoryCapUnits, Settings.OpeningParagraphs);

    public PromptRequest Opening(Premise premise)
    {
        PromptBook book = PromptBook.For(premise.Language);
        var premiseText = new StringBuilder()
            .Append(book.Heading("genre")).Append(": ").Append(UserMessage.OneLine(premise.Genre)).Append('\n')
            .Append(book.Heading("topic")).Append(": ").Append(premise.Topic);
        if (!string.IsNullOrWhiteSpace(premise.Description))
        {
            premiseText.Append('\n').Append(book.Heading("description")).Append(": ").Append(premise.Description);
        }

        string user = new UserMessage(book).Section(PromptTags.Premise, premiseText.ToString()).ToString();
        return Request(OutputSchemas.OpeningName, OutputSchemas.Opening, book, book.OpeningSystem(Lengths), user);
    }

    public PromptRequest Step(StepRequest step, bool recommend)
    {
        PromptBook book = PromptBook.For(step.Premise.Language);
        bool rewrite = Settings.MemoryMode == MemoryMode.Rewrite;
        string user = new UserMessage(book)
            .Section(PromptTags.Story, StoryLine(book, step.Title, step.Premise.Genre))
            .Section(PromptTags.Outline, step.Outline)
            .Section(PromptTags.Related, Related(step.LongTermMemories))
            .Section(PromptTags.Memory, rewrite ? step.ShortTermMemory.Text : step.ShortTermMemory.Numbered())
            .Section(PromptTags.Previous, step.PreviousParagraph)
            .Section(PromptTags.Plan, step.ChosenPlan)
            .ToString();
        if (step.Take > 1)
        {
            user += "\n\n" + book.AnotherTake(step.Take);
        }

        return Request(OutputSchemas.StepName, OutputSchemas.Step(rewrite, recommend), book, book.StepSystem(rewrite, recommend, Lengths), user);
    }

    public PromptRequest PlanChoice(PlanChoiceRequest choice)
    {
        PromptBook book = PromptBook.For(choice.Premise.Language);
        string plans = string.Join("\n", choice.Plans.Select((p, i) => $"{i + 1}. {UserMessage.OneLine(p)}"));
        string user = new UserMessage(book)
            .Section(PromptTags.Outline, choice.Outline)
            .Section(PromptTags.Memory, choice.ShortTermMemory.Text)
            .Section(PromptTags.Latest, choice.LatestParagraph)
            .Section(PromptTags.Plans, plans)
            .ToString();
        return Request(OutputSchemas.PlanChoiceName, OutputSchemas.PlanChoice, book, book.PlanChoiceSystem(Lengths), user);
    }

    public PromptRequest Compression(ShortTermMemory memory, StoryLanguage language)
    {
        PromptBook book = PromptBook.For(language);
        string user = new UserMessage(book).Section(PromptTags.Memory, memory.Text).ToString()
            + "\n\n" + book.CompressionRequest(memory.Units, Settings.MemoryCapUnits);
        return Request(OutputSchemas.CompressionName, OutputSchemas.Compression, book, book.CompressionSystem(Settings.MemoryCapUnits), user);
    }

    /// <summary>The same call with the unusable reply and a repair note that quotes the parse error.</summary>
    public static PromptRequest WithRepair(PromptRequest request, string rawOutput, string error)
    {
        PromptBook book = PromptBook.For(request.Language);
        var messages = new List<ChatMessage>(request.Messages)
        {
            new(ChatRole.Assistant, rawOutput),
            new(ChatRole.User, book.Repair(UserMessage.Defuse(error))),
        };
        return request with { Messages = messages };
    }

    private PromptRequest Request(string name, System.Text.Json.JsonElement schema, PromptBook book, string system, string user)
    {
        var options = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, name),
            MaxOutputTokens = Settings.MaxOutputTokens,
        };
        return new PromptRequest(name, [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user)], options, book.Language);
    }

    private static string StoryLine(PromptBook book, string title, string genre) =>
        $"{book.Heading("title")}: {UserMessage.OneLine(title)}\n{book.Heading("genre")}: {UserMessage.OneLine(genre)}";

    private string Related(IReadOnlyList<RetrievedMemory> memories)
    {
        var text = new StringBuilder();
        foreach (RetrievedMemory memory in memories)
        {
            text.Append('[').Append((memory.ParagraphIndex + 1).ToString(CultureInfo.InvariantCulture)).Append("] ")
                .Append(UserMessage.OneLine(memory.FullText ?? memory.Summary)).Append('\n');
        }

        return text.ToString().TrimEnd();
    }
}
