namespace RecurrentGpt.Core.Lines;

/// <summary>
/// A fork's own version of paragraph <paramref name="Index"/>, which it inherited from <paramref name="Owner"/>: the text
/// is in the fork's <see cref="LineRef.Overrides"/> line, and the owner's paragraph stays as it is for everyone else.
/// </summary>
public sealed record ParagraphOverride(LineRef Owner, int Index);
