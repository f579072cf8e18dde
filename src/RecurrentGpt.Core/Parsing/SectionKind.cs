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
