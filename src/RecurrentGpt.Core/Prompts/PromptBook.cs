using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Core.Prompts;

/// <summary>
/// The instructions of every call in one language. A system text is a constant of its call, its language and the
/// writer's settings: it never holds user text (genre, topic, plans…), which goes into the user message, delimited,
/// so nothing a user types speaks with the system's authority. Constant texts also let providers cache the prefix.
/// </summary>
public abstract class PromptBook
{
    public static PromptBook For(StoryLanguage language) => language switch
    {
        StoryLanguage.Chinese => ChinesePromptBook.Instance,
        _ => EnglishPromptBook.Instance,
    };

    public abstract StoryLanguage Language { get; }

    public abstract string OpeningSystem(PromptLengths lengths);

    public abstract string StepSystem(bool rewriteMemory, bool recommend, PromptLengths lengths);

    public abstract string PlanChoiceSystem(PromptLengths lengths);

    public abstract string CompressionSystem(int capUnits);

    /// <summary>The follow-up sent when an output could not be parsed; it quotes the parse error.</summary>
    public abstract string Repair(string error);

    /// <summary>The compression request's user text.</summary>
    public abstract string CompressionRequest(int currentUnits, int capUnits);

    /// <summary>Said after a step's sections when the writer asked for the step again: the same inputs, a fresh paragraph.</summary>
    public abstract string AnotherTake(int take);

    /// <summary>Section headings of the user message, in this language, keyed by the tag name.</summary>
    public abstract string Heading(string tag);

    /// <summary>The line that stands in for an empty section (no related paragraphs yet, say).</summary>
    public abstract string Nothing { get; }
}
