namespace RecurrentGpt.Core.Parsing;

/// <summary>An item of a list or operations section, with the number its marker or its text gave it.</summary>
internal sealed record ListItem(int? Number, string Text, string Reason)
{
    /// <summary>
    /// For a drop whose number was read out of free text: that text, so a drop that quotes a memory sentence
    /// instead of numbering it can still name it. Empty when a marker or a JSON number gave the number.
    /// </summary>
    public string QuotableText { get; init; } = string.Empty;

    /// <summary>The JSON form gave the number as a string ("2", "[2]"), where the schema asks for an integer.</summary>
    public bool NumberWasJsonText { get; init; }
}
