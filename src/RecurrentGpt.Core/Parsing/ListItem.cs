namespace RecurrentGpt.Core.Parsing;

/// <summary>An item of a list or operations section, with the number its marker or its text gave it.</summary>
internal sealed record ListItem(int? Number, string Text, string Reason);
