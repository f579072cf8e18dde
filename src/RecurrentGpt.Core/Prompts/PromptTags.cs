namespace RecurrentGpt.Core.Prompts;

/// <summary>The tags that delimit each piece of material in a user message.</summary>
public static class PromptTags
{
    public const string Premise = "premise";
    public const string Story = "story";
    public const string Outline = "outline";
    public const string Related = "related_paragraphs";
    public const string Memory = "memory";
    public const string Previous = "previous_paragraph";
    public const string Plan = "plan";
    public const string Plans = "plans";
    public const string Latest = "latest_paragraph";

    public static readonly IReadOnlyList<string> All = [Premise, Story, Outline, Related, Memory, Previous, Plan, Plans, Latest];
}
