namespace RecurrentGpt.Core.Parsing;

internal enum SectionKind
{
    /// <summary>Free text: a title, a paragraph, a memory.</summary>
    Text,

    /// <summary>A whole number, such as the recommended plan.</summary>
    Number,

    /// <summary>Items that may be numbered in their markers ("Plan 2:"), or listed in one block.</summary>
    List,

    /// <summary>Memory sentences to drop: a sentence number, each with a reason.</summary>
    Drops,

    /// <summary>Memory sentences to add: a text, each with a reason.</summary>
    Additions,
}

/// <summary>One section an output may hold: its JSON key and the marker labels models use for it.</summary>
internal sealed record SectionSpec(string Key, SectionKind Kind, string[] Labels, bool Required = true)
{
    /// <summary>What one item of a list is called in messages ("plan 2").</summary>
    public string ItemName { get; init; } = Key;

    /// <summary>Text sections that end at the first blank line in marker form, so closing chatter is not swallowed.</summary>
    public bool EndsAtBlankLine { get; init; }
}
