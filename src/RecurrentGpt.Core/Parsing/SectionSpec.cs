namespace RecurrentGpt.Core.Parsing;

/// <summary>One section an output may hold: its JSON key and the marker labels models use for it.</summary>
internal sealed record SectionSpec(string Key, SectionKind Kind, string[] Labels, bool Required = true)
{
    /// <summary>What one item of a list is called in messages ("plan 2").</summary>
    public string ItemName { get; init; } = Key;

    /// <summary>Text sections that end at the first blank line in marker form, so closing chatter is not swallowed.</summary>
    public bool EndsAtBlankLine { get; init; }
}
